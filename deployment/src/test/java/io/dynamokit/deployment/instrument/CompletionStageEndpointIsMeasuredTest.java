package io.dynamokit.deployment.instrument;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.instrument.DynamoMeasurement;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A REST endpoint returning a {@code CompletionStage} that chains two async DynamoDB requests, the second started in
 * the continuation of the first: both are measured with the request's correlation id.
 */
public class CompletionStageEndpointIsMeasuredTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(AttributionResource.class, InstrumentedWorker.class,
                    AsyncInstrumentedWorker.class, MeasurementCollector.class))
            .overrideConfigKey("quarkus.dynamokit.instrumentation.server-timing", "true");

    @Inject
    MeasurementCollector collector;

    @Test
    void bothChainedRequestsCarryTheRequestsCorrelationId() {
        given().get("/attribution/setup").then().statusCode(200);
        collector.clear();

        given().header("X-Correlation-ID", "corr-stage-1").get("/attribution/completion-stage")
                .then().statusCode(200).body(equalTo("found"))
                .header("Server-Timing", containsString("desc=\"2 DynamoDB calls\""));

        List<DynamoMeasurement> measurements = collector.measurements();
        assertThat(measurements).extracting(DynamoMeasurement::operation).containsExactly("PutItem", "GetItem");
        assertThat(measurements).allSatisfy(m -> {
            assertThat(m.correlationId()).isEqualTo("corr-stage-1");
            assertThat(m.method()).isEqualTo("AttributionResource#completionStage");
            assertThat(m.outcome()).isEqualTo(DynamoMeasurement.Outcome.SUCCESS);
        });
    }
}
