package io.dynamokit.deployment.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.instrument.DynamoMeasurement;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Outside HTTP, an instrumented CDI method returning a {@code CompletionStage}, a {@code Uni} or a {@code Multi} is
 * credited with the requests of the work it returns, including those started in continuations of earlier ones, until
 * that work ends; what its caller chains after it is not.
 */
public class ReturnedAsyncWorkIsMeasuredOutsideHttpTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(AsyncInstrumentedWorker.class, MeasurementCollector.class));

    @Inject
    AsyncInstrumentedWorker worker;

    @Inject
    DynamoDbAsyncClient asyncClient;

    @Inject
    DynamoDbClient client;

    @Inject
    MeasurementCollector collector;

    @BeforeEach
    void table() {
        worker.createTable();
        collector.clear();
    }

    @Test
    void completionStageChainIsMeasuredUnderOneCorrelationId() throws Exception {
        assertThat(worker.putThenGet("stage").get(30, TimeUnit.SECONDS).hasItem()).isTrue();

        assertOneInvocationMeasured("AsyncInstrumentedWorker#putThenGet");
    }

    @Test
    void uniChainIsMeasuredWhenSubscribedAfterTheMethodReturned() {
        assertThat(worker.putThenGetUni("uni").await().atMost(Duration.ofSeconds(30)).hasItem()).isTrue();

        assertOneInvocationMeasured("AsyncInstrumentedWorker#putThenGetUni");
    }

    @Test
    void multiPagesFetchedAfterTheMethodReturnedAreMeasured() {
        for (String id : List.of("page-1", "page-2", "page-3")) {
            client.putItem(b -> b.tableName(AsyncInstrumentedWorker.TABLE).item(AsyncInstrumentedWorker.key(id)));
        }

        List<Map<String, Object>> items = worker.scanPageByPage().collect().asList().await()
                .atMost(Duration.ofSeconds(30));

        List<DynamoMeasurement> measurements = collector.measurements();
        assertThat(items).hasSizeGreaterThanOrEqualTo(3);
        assertThat(measurements.size()).as("one Scan per page of one item").isGreaterThanOrEqualTo(items.size());
        assertThat(measurements).allSatisfy(m -> {
            assertThat(m.operation()).isEqualTo("Scan");
            assertThat(m.method()).isEqualTo("AsyncInstrumentedWorker#scanPageByPage");
            assertThat(m.correlationId()).isEqualTo(measurements.get(0).correlationId());
        });
    }

    @Test
    void requestsTheCallerChainsAfterTheReturnedStageAreNotMeasured() throws Exception {
        worker.putThenGet("caller").thenCompose(item -> asyncClient.listTables()).get(30, TimeUnit.SECONDS);

        assertThat(collector.measurements()).extracting(DynamoMeasurement::operation)
                .containsExactly("PutItem", "GetItem");
    }

    private void assertOneInvocationMeasured(String method) {
        List<DynamoMeasurement> measurements = collector.measurements();
        assertThat(measurements).extracting(DynamoMeasurement::operation).containsExactly("PutItem", "GetItem");
        assertThat(measurements).allSatisfy(m -> {
            assertThat(m.method()).isEqualTo(method);
            assertThat(m.tableNames()).containsExactly(AsyncInstrumentedWorker.TABLE);
            assertThat(m.outcome()).isEqualTo(DynamoMeasurement.Outcome.SUCCESS);
            assertThat(m.correlationId()).isNotBlank();
        });
        assertThat(measurements.get(1).correlationId()).isEqualTo(measurements.get(0).correlationId());
    }
}
