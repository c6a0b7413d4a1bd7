package io.dynamokit.deployment.instrument;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.instrument.DynamoMeasurement;
import io.quarkus.test.QuarkusUnitTest;

public class AllRequestsAreMeasuredWhenConfiguredTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(InstrumentedResource.class, MeasurementCollector.class))
            .overrideConfigKey("quarkus.dynamokit.instrumentation.all-requests", "true")
            .overrideConfigKey("quarkus.dynamokit.instrumentation.correlation-header", "X-Request-Id");

    @Inject
    MeasurementCollector collector;

    @Test
    void unannotatedEndpointIsMeasured() {
        given().get("/instrumented/setup").then().statusCode(200);
        collector.clear();

        given().header("X-Request-Id", "all-1").get("/instrumented/plain").then().statusCode(200)
                .header("X-Request-Id", "all-1");

        assertThat(collector.measurements()).singleElement().satisfies(m -> {
            assertThat(m.operation()).isEqualTo("GetItem");
            assertThat(m.correlationId()).isEqualTo("all-1");
            assertThat(m.method()).isEqualTo("InstrumentedResource#plain");
        });
    }
}
