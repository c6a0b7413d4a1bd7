package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.BatchGet;
import io.dynamokit.document.BatchWrite;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.instrument.DynamoMeasurement;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A batch call made in an instrumented method sends its requests from the document client's threads, and re-sends
 * what DynamoDB left unprocessed after a backoff, from a scheduler thread: every one of those requests is measured as
 * the caller's, blocking and reactive.
 */
public class BatchRetriesAreCreditedToTheCallerTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(BatchRetriesAreCreditedToTheCallerTest.class.getName());
    static final String TABLE = "Credited";

    @RegisterExtension
    static final QuarkusUnitTest APP = DocumentFixtures.appBehindProxy(PROXY_PORT)
            .withApplicationRoot(jar -> jar.addClasses(DocumentFixtures.class, Measurements.class, InstrumentedCalls.class))
            .overrideConfigKey("quarkus.dynamokit.document.batch-base-backoff", "5MS");

    @Inject
    DocumentClient documents;

    @Inject
    ReactiveDocumentClient reactive;

    @Inject
    Measurements measurements;

    @Inject
    InstrumentedCalls instrumented;

    @Test
    void blockingBatchesAreMeasuredRetriesIncluded() {
        try (FaultProxy proxy = DocumentFixtures.startProxy(PROXY_PORT)) {
            answerFirstBatchRequestsUnprocessed(proxy);

            instrumented.run(() -> documents.batchWriteItem(BatchWrite.builder()
                    .put(TABLE, Map.of("id", "b-1")).build()));
            Map<String, List<Map<String, Object>>> read = instrumented.call(() -> documents.batchGetItem(
                    BatchGet.builder().key(TABLE, Map.of("id", "b-1")).build()));

            assertThat(read.get(TABLE)).containsExactly(Map.of("id", "b-1"));
            assertThat(measurements.take()).extracting(DynamoMeasurement::operation)
                    .as("the first requests, answered all unprocessed, and the re-sent ones")
                    .containsExactly("BatchWriteItem", "BatchWriteItem", "BatchGetItem", "BatchGetItem");
        }
    }

    @Test
    void reactiveBatchesAreMeasuredRetriesIncluded() {
        try (FaultProxy proxy = DocumentFixtures.startProxy(PROXY_PORT)) {
            answerFirstBatchRequestsUnprocessed(proxy);

            instrumented.reactive(() -> reactive.batchWriteItem(BatchWrite.builder()
                    .put(TABLE, Map.of("id", "r-1")).build()))
                    .await().atMost(Duration.ofSeconds(30));
            Map<String, List<Map<String, Object>>> read = instrumented.reactive(() -> reactive.batchGetItem(
                    BatchGet.builder().key(TABLE, Map.of("id", "r-1")).build()))
                    .await().atMost(Duration.ofSeconds(30));

            assertThat(read.get(TABLE)).containsExactly(Map.of("id", "r-1"));
            assertThat(measurements.take()).extracting(DynamoMeasurement::operation)
                    .as("the first requests, answered all unprocessed, and the re-sent ones")
                    .containsExactly("BatchWriteItem", "BatchWriteItem", "BatchGetItem", "BatchGetItem");
        }
    }

    /** Creates the table if needed; the first BatchWriteItem and BatchGetItem are then answered all unprocessed. */
    private void answerFirstBatchRequestsUnprocessed(FaultProxy proxy) {
        if (!documents.listTables().contains(TABLE)) {
            documents.createTable(DocumentFixtures.keyedBy(TABLE, "id"));
            documents.awaitActive(TABLE, Duration.ofSeconds(30));
        }
        proxy.addRule(FaultRule.unprocessed().forOperation("BatchWriteItem").first(1))
                .addRule(FaultRule.unprocessed().forOperation("BatchGetItem").first(1));
        measurements.take();
    }
}
