package io.dynamokit.deployment.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.instrument.DynamoMeasurement;
import io.dynamokit.instrument.DynamoMeasurement.Outcome;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * One measurement per attempt, with the attempt number and outcome, for sync and async calls made in an instrumented
 * method; nothing for calls made elsewhere; one failure event for a call that fails for good (not retryable, or out
 * of retries); the error code read from the body when the answer has no error type header.
 */
public class InstrumentedCallsMeasureEveryAttemptTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(InstrumentedCallsMeasureEveryAttemptTest.class.getName());
    private static FaultProxy proxy;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(InstrumentedWorker.class, MeasurementCollector.class))
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(() -> EmbeddedDynamoDbFixture.endpoint())
            .overrideConfigKey("quarkus.application.name", "instrumented-app")
            .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + PROXY_PORT)
            // long enough for any answer of a busy machine; the one delayed answer below is held far beyond it
            .overrideConfigKey("quarkus.dynamodb.api-call-attempt-timeout", "5S")
            .overrideConfigKey("quarkus.dynamokit.client.retry.max-retries", "3")
            .overrideConfigKey("quarkus.dynamokit.client.retry.base-backoff", "1MS")
            .overrideConfigKey("quarkus.dynamokit.client.retry.throttling-base-backoff", "1MS");

    @Inject
    InstrumentedWorker worker;

    @Inject
    MeasurementCollector collector;

    @BeforeEach
    void fresh() {
        if (proxy == null) {
            proxy = FaultProxy.start(URI.create(System.getProperty("io.dynamokit.test.engine-endpoint")), PROXY_PORT);
        }
        proxy.clearRules();
        worker.notInstrumented();
        collector.clear();
    }

    @Test
    void throttledThenSuccessfulCallYieldsOneMeasurementPerAttempt() {
        proxy.addRule(FaultRule.provisionedThroughputExceeded().forOperation("ListTables").first(2));

        worker.listTables();

        assertThat(collector.measurements()).hasSize(3);
        assertThat(collector.measurements()).extracting(DynamoMeasurement::attempt).containsExactly(1, 2, 3);
        assertThat(collector.measurements()).extracting(DynamoMeasurement::outcome)
                .containsExactly(Outcome.THROTTLED, Outcome.THROTTLED, Outcome.SUCCESS);
        assertThat(collector.measurements()).extracting(DynamoMeasurement::httpStatus).containsExactly(400, 400, 200);
        assertThat(collector.measurements()).extracting(DynamoMeasurement::errorCode)
                .containsExactly("ProvisionedThroughputExceededException", "ProvisionedThroughputExceededException", null);
        assertThat(collector.measurements()).allSatisfy(m -> {
            assertThat(m.operation()).isEqualTo("ListTables");
            assertThat(m.method()).isEqualTo("InstrumentedWorker#listTables");
            assertThat(m.service()).isEqualTo("instrumented-app");
            assertThat(m.environment()).isEqualTo("test");
            assertThat(m.duration()).isPositive();
        });
        assertThat(collector.measurements()).extracting(DynamoMeasurement::correlationId).doesNotContainNull()
                .containsOnly(collector.measurements().get(0).correlationId());
        assertThat(collector.failures()).isEmpty();
    }

    @Test
    void callsOutsideInstrumentedMethodsAreNotMeasured() {
        worker.notInstrumented();
        assertThat(collector.measurements()).isEmpty();
    }

    @Test
    void failureForGoodYieldsItsMeasurementAndOneFailureEvent() {
        assertThatThrownBy(() -> worker.describeMissingTable()).isInstanceOf(ResourceNotFoundException.class);

        assertThat(collector.measurements()).singleElement().satisfies(m -> {
            assertThat(m.operation()).isEqualTo("DescribeTable");
            assertThat(m.tableNames()).containsExactly("NotThere");
            assertThat(m.outcome()).isEqualTo(Outcome.CLIENT_ERROR);
            assertThat(m.errorCode()).isEqualTo("ResourceNotFoundException");
        });
        assertThat(collector.failures()).singleElement().satisfies(f -> {
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(f.failure()).isInstanceOf(ResourceNotFoundException.class);
            assertThat(f.outcome()).isEqualTo(Outcome.CLIENT_ERROR);
            assertThat(f.errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(f.method()).isEqualTo("InstrumentedWorker#describeMissingTable");
        });
    }

    @Test
    void retriesExhaustedYieldEveryAttemptAndOneFailureEvent() {
        proxy.addRule(FaultRule.provisionedThroughputExceeded().forOperation("ListTables"));

        assertThatThrownBy(() -> worker.listTables()).isInstanceOf(ProvisionedThroughputExceededException.class);

        assertThat(collector.measurements()).extracting(DynamoMeasurement::attempt).containsExactly(1, 2, 3, 4);
        assertThat(collector.measurements()).allSatisfy(m -> {
            assertThat(m.outcome()).isEqualTo(Outcome.THROTTLED);
            assertThat(m.errorCode()).isEqualTo("ProvisionedThroughputExceededException");
            assertThat(m.httpStatus()).isEqualTo(400);
        });
        assertThat(collector.failures()).singleElement().satisfies(f -> {
            assertThat(f.operation()).isEqualTo("ListTables");
            assertThat(f.attempts()).isEqualTo(4);
            assertThat(f.failure()).isInstanceOf(ProvisionedThroughputExceededException.class);
            assertThat(f.outcome()).isEqualTo(Outcome.THROTTLED);
            assertThat(f.errorCode()).isEqualTo("ProvisionedThroughputExceededException");
            assertThat(f.method()).isEqualTo("InstrumentedWorker#listTables");
            assertThat(f.correlationId()).isEqualTo(collector.measurements().get(0).correlationId());
        });
    }

    @Test
    void errorCodeOnlyInTheBodyIsReadBySyncAndAsyncClients() throws Exception {
        proxy.addRule(FaultRule.provisionedThroughputExceeded().errorCodeInBodyOnly().forOperation("ListTables")
                .first(1));
        worker.listTables();

        proxy.addRule(FaultRule.provisionedThroughputExceeded().errorCodeInBodyOnly().forOperation("ListTables")
                .first(1));
        worker.listTablesAsync().get(30, TimeUnit.SECONDS);

        assertThat(collector.measurements()).extracting(DynamoMeasurement::method).containsExactly(
                "InstrumentedWorker#listTables", "InstrumentedWorker#listTables",
                "InstrumentedWorker#listTablesAsync", "InstrumentedWorker#listTablesAsync");
        assertThat(collector.measurements()).extracting(DynamoMeasurement::outcome)
                .containsExactly(Outcome.THROTTLED, Outcome.SUCCESS, Outcome.THROTTLED, Outcome.SUCCESS);
        assertThat(collector.measurements()).extracting(DynamoMeasurement::errorCode)
                .containsExactly("ProvisionedThroughputExceededException", null,
                        "ProvisionedThroughputExceededException", null);
    }

    @Test
    void clientErrorCodeOnlyInTheBodyClassifiesTheAsyncFailure() {
        proxy.addRule(FaultRule.error(400, "ValidationException").errorCodeInBodyOnly().forOperation("ListTables"));

        assertThatThrownBy(() -> worker.listTablesAsync().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(DynamoDbException.class);

        assertThat(collector.measurements()).singleElement().satisfies(m -> {
            assertThat(m.outcome()).isEqualTo(Outcome.CLIENT_ERROR);
            assertThat(m.errorCode()).isEqualTo("ValidationException");
            assertThat(m.httpStatus()).isEqualTo(400);
        });
        assertThat(collector.failures()).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.CLIENT_ERROR);
            assertThat(f.errorCode()).isEqualTo("ValidationException");
        });
    }

    @Test
    void serverErrorsResetsAndTimeoutsAreTold() throws Exception {
        proxy.addRule(FaultRule.internalServerError().forOperation("ListTables").first(1));
        proxy.addRule(FaultRule.resetConnection().forOperation("ListTables").first(1));
        proxy.addRule(FaultRule.delay(Duration.ofSeconds(20)).forOperation("ListTables").first(1));

        worker.listTables();

        assertThat(collector.measurements()).extracting(DynamoMeasurement::outcome)
                .containsExactly(Outcome.SERVER_ERROR, Outcome.IO, Outcome.TIMEOUT, Outcome.SUCCESS);
        assertThat(collector.measurements()).extracting(DynamoMeasurement::attempt).containsExactly(1, 2, 3, 4);
    }

    @Test
    void asyncCallsCompletingOnOtherThreadsAreMeasured() throws Exception {
        proxy.addRule(FaultRule.throttlingException().forOperation("ListTables").first(1));

        worker.listTablesAsync().get(30, TimeUnit.SECONDS);

        assertThat(collector.measurements()).extracting(DynamoMeasurement::outcome)
                .containsExactly(Outcome.THROTTLED, Outcome.SUCCESS);
        assertThat(collector.measurements()).extracting(DynamoMeasurement::method)
                .containsOnly("InstrumentedWorker#listTablesAsync");
    }
}
