package io.dynamokit.deployment.instrument;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.instrument.DynamoMeasurement;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Over HTTP: the measurements of a request carry its correlation id (taken from the request or generated, and
 * echoed), for blocking and reactive endpoints; Server-Timing sums the request's DynamoDB time.
 */
public class RequestsCarryTheirCorrelationIdTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(InstrumentedResource.class, MeasurementCollector.class))
            .overrideConfigKey("quarkus.dynamokit.instrumentation.server-timing", "true");

    @Inject
    MeasurementCollector collector;

    @BeforeEach
    void setup() {
        given().get("/instrumented/setup").then().statusCode(200);
        collector.clear();
    }

    @Test
    void blockingEndpointMeasuresBothCallsWithTheGivenCorrelationId() {
        given().header("X-Correlation-ID", "corr-blocking-1").get("/instrumented/blocking")
                .then().statusCode(200).body(equalTo("found"))
                .header("X-Correlation-ID", "corr-blocking-1")
                .header("Server-Timing", matchesPattern("dynamodb;dur=\\d+\\.\\d{3};desc=\"2 DynamoDB calls\""));

        List<DynamoMeasurement> measurements = collector.measurements();
        assertThat(measurements).extracting(DynamoMeasurement::operation).containsExactly("PutItem", "GetItem");
        assertThat(measurements).allSatisfy(m -> {
            assertThat(m.correlationId()).isEqualTo("corr-blocking-1");
            assertThat(m.method()).isEqualTo("InstrumentedResource#blocking");
            assertThat(m.tableNames()).containsExactly(InstrumentedResource.TABLE);
            assertThat(m.outcome()).isEqualTo(DynamoMeasurement.Outcome.SUCCESS);
        });
    }

    @Test
    void reactiveEndpointMeasuresTheCallMadeOnAnotherThread() {
        given().header("X-Correlation-ID", "corr-reactive-1").get("/instrumented/reactive")
                .then().statusCode(200).body(equalTo("found"))
                .header("X-Correlation-ID", "corr-reactive-1")
                .header("Server-Timing", matchesPattern("dynamodb;dur=\\d+\\.\\d{3};desc=\"2 DynamoDB calls\""));

        assertThat(collector.measurements()).extracting(DynamoMeasurement::operation)
                .containsExactly("PutItem", "GetItem");
        assertThat(collector.measurements()).extracting(DynamoMeasurement::correlationId)
                .containsOnly("corr-reactive-1");
    }

    @Test
    void requestWithoutCorrelationIdGetsOneGeneratedAndEchoed() {
        String generated = given().get("/instrumented/blocking").then().statusCode(200)
                .extract().header("X-Correlation-ID");

        assertThat(generated).isNotBlank();
        assertThat(collector.measurements()).extracting(DynamoMeasurement::correlationId).containsOnly(generated);
    }

    @Test
    void endpointsWithoutTheAnnotationAreNotMeasured() {
        given().get("/instrumented/plain").then().statusCode(200)
                .header("Server-Timing", (String) null);
        assertThat(collector.measurements()).isEmpty();
    }
}
