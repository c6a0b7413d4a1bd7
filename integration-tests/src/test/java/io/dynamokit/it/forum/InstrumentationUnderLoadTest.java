package io.dynamokit.it.forum;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dynamokit.instrument.DynamoMeasurement;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * 64 concurrent HTTP clients, 100 requests each, half to the blocking and half to the reactive instrumented endpoint
 * (two DynamoDB calls per request): exactly 12,800 success measurements, each with its own request's correlation id.
 */
@QuarkusTest
public class InstrumentationUnderLoadTest {

    static final int CLIENTS = 64;
    static final int REQUESTS = 100;
    static final int WARM_UP_REQUESTS = 5;

    @TestHTTPResource("/")
    URI base;

    @Inject
    ObservedMeasurements observed;

    @Test
    void everyRequestGetsItsOwnTwoMeasurements() throws Exception {
        String forum = "load-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("subject", "popular", "message", "m", "lastPostedBy", "kim"))
                .post("/forums/{forum}/threads", forum)
                .then().statusCode(201);
        String prefix = forum + "-";

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        // A first burst on a cold JVM opens every connection at once (HTTP and the SDK clients' pools) while the JIT is
        // still compiling; on a busy 2-core machine that alone can outlast the SDK's 10 s connection acquisition
        // timeout. The warm-up's requests carry another correlation prefix, so they are not counted below.
        burst(http, forum, "warm-up-" + forum + "-", WARM_UP_REQUESTS);
        int ok = burst(http, forum, prefix, REQUESTS);
        assertThat(ok).isEqualTo(CLIENTS * REQUESTS);

        List<DynamoMeasurement> mine = observed.measurements().stream()
                .filter(m -> m.correlationId().startsWith(prefix)).toList();
        assertThat(mine).hasSize(CLIENTS * REQUESTS * 2);
        assertThat(mine).allSatisfy(m -> assertThat(m.outcome()).isEqualTo(DynamoMeasurement.Outcome.SUCCESS));
        Map<String, List<DynamoMeasurement>> byRequest = mine.stream()
                .collect(Collectors.groupingBy(DynamoMeasurement::correlationId));
        assertThat(byRequest).hasSize(CLIENTS * REQUESTS);
        assertThat(byRequest.values()).allSatisfy(pair -> {
            assertThat(pair).extracting(DynamoMeasurement::operation).containsExactly("UpdateItem", "GetItem");
            assertThat(pair).extracting(DynamoMeasurement::method).containsOnly(
                    pair.get(0).method().endsWith("viewReactive") ? "ViewsResource#viewReactive" : "ViewsResource#view");
        });
        long reactive = byRequest.values().stream().filter(p -> p.get(0).method().endsWith("viewReactive")).count();
        assertThat(reactive).isEqualTo(CLIENTS / 2 * REQUESTS);

        given().get("/forums/{forum}/threads/popular", forum).then().statusCode(200);
        long warmUpViews = observed.measurements().stream()
                .filter(m -> m.correlationId().startsWith("warm-up-" + forum + "-") && m.operation().equals("UpdateItem")
                        && m.outcome() == DynamoMeasurement.Outcome.SUCCESS)
                .count();
        assertThat(given().post("/forums/{forum}/threads/popular/views", forum).then().statusCode(200)
                .extract().jsonPath().getLong("views")).isEqualTo(warmUpViews + CLIENTS * REQUESTS + 1L);
    }

    /** CLIENTS concurrent clients, each sending requests one after the other; the number answered 200 as asked. */
    private int burst(HttpClient http, String forum, String prefix, int requests) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                String path = "forums/" + forum + "/threads/popular/views" + (client % 2 == 0 ? "" : "/reactive");
                results.add(clients.submit(() -> {
                    int ok = 0;
                    for (int r = 0; r < requests; r++) {
                        String correlation = prefix + client + "-" + r;
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                                .header("X-Correlation-ID", correlation)
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200
                                && correlation.equals(response.headers().firstValue("X-Correlation-ID").orElse(null))) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> result : results) {
                ok += result.get(10, TimeUnit.MINUTES);
            }
            return ok;
        } finally {
            clients.shutdownNow();
        }
    }
}
