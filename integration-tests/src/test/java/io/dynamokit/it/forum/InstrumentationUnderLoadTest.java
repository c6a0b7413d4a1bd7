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

    @TestHTTPResource("/")
    URI base;

    @Inject
    MeasurementRecorder recorder;

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
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                String path = "forums/" + forum + "/threads/popular/views" + (client % 2 == 0 ? "" : "/reactive");
                results.add(clients.submit(() -> {
                    int ok = 0;
                    for (int r = 0; r < REQUESTS; r++) {
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
            assertThat(ok).isEqualTo(CLIENTS * REQUESTS);
        } finally {
            clients.shutdownNow();
        }

        List<DynamoMeasurement> mine = recorder.measurements().stream()
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
        assertThat(given().post("/forums/{forum}/threads/popular/views", forum).then().statusCode(200)
                .extract().jsonPath().getLong("views")).isEqualTo(CLIENTS * REQUESTS + 1L);
    }
}
