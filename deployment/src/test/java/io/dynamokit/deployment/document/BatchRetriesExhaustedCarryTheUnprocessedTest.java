package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.BatchGet;
import io.dynamokit.document.BatchGetException;
import io.dynamokit.document.BatchWrite;
import io.dynamokit.document.BatchWriteException;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.GetOptions;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.test.QuarkusUnitTest;

/**
 * When DynamoDB keeps leaving entries unprocessed, the batch call gives up after the configured rounds and the
 * exception carries exactly the entries that were not processed: nothing is silently dropped.
 */
public class BatchRetriesExhaustedCarryTheUnprocessedTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(BatchRetriesExhaustedCarryTheUnprocessedTest.class.getName());

    @RegisterExtension
    static final QuarkusUnitTest APP = DocumentFixtures.appBehindProxy(PROXY_PORT)
            .overrideConfigKey("quarkus.dynamokit.document.batch-max-retries", "2")
            .overrideConfigKey("quarkus.dynamokit.document.batch-base-backoff", "1MS")
            .overrideConfigKey("quarkus.dynamokit.document.batch-concurrency", "1");

    @Inject
    DocumentClient documents;

    @Inject
    ReactiveDocumentClient reactive;

    @Test
    void exceptionCarriesExactlyWhatWasNotWritten() {
        try (FaultProxy proxy = DocumentFixtures.startProxy(PROXY_PORT)) {
            documents.createTable(DocumentFixtures.keyedBy("Stubborn", "id"));
            documents.awaitActive("Stubborn", Duration.ofSeconds(30));

            BatchWrite.Builder writes = BatchWrite.builder();
            for (int i = 0; i < 30; i++) {
                writes.put("Stubborn", Map.of("id", "w-" + i));
            }
            // the first request (25 writes) goes through; the second (5 writes) is never processed
            FaultRule unprocessed = FaultRule.unprocessed().forOperation("BatchWriteItem");
            proxy.addRule(FaultRule.delay(Duration.ZERO).forOperation("BatchWriteItem").first(1)).addRule(unprocessed);

            assertThatThrownBy(() -> documents.batchWriteItem(writes.build()))
                    .isInstanceOfSatisfying(BatchWriteException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("5 of 30 writes were not processed after 2 retries "
                                + "(quarkus.dynamokit.document.batch-max-retries)");
                        assertThat(e.unprocessed().writes().get("Stubborn"))
                                .extracting(w -> w.attributes().get("id"))
                                .containsExactly("w-25", "w-26", "w-27", "w-28", "w-29");
                    });
            assertThat(unprocessed.timesApplied()).isEqualTo(3);
            for (int i = 0; i < 25; i++) {
                assertThat(documents.getItem("Stubborn", Map.of("id", "w-" + i), GetOptions.consistent())).isPresent();
            }
            for (int i = 25; i < 30; i++) {
                assertThat(documents.getItem("Stubborn", Map.of("id", "w-" + i), GetOptions.consistent())).isEmpty();
            }

            proxy.clearRules();
            proxy.addRule(FaultRule.unprocessed().forOperation("BatchGetItem"));
            assertThatThrownBy(() -> documents.batchGetItem(BatchGet.builder()
                    .key("Stubborn", Map.of("id", "w-1")).key("Stubborn", Map.of("id", "w-2")).build()))
                    .isInstanceOfSatisfying(BatchGetException.class, e -> {
                        assertThat(e.unprocessedKeys().get("Stubborn")).containsExactlyInAnyOrder(
                                Map.of("id", "w-1"), Map.of("id", "w-2"));
                        assertThat(e.itemsRead().get("Stubborn")).isEmpty();
                    });
        }
    }

    @Test
    void theReactiveCallsFailTheUniWithExactlyWhatWasNotProcessed() {
        try (FaultProxy proxy = DocumentFixtures.startProxy(PROXY_PORT)) {
            documents.createTable(DocumentFixtures.keyedBy("StubbornReactive", "id"));
            documents.awaitActive("StubbornReactive", Duration.ofSeconds(30));
            documents.putItem("StubbornReactive", Map.of("id", "r-0", "v", 0));

            BatchWrite.Builder writes = BatchWrite.builder();
            for (int i = 1; i <= 27; i++) {
                writes.put("StubbornReactive", Map.of("id", "r-" + i));
            }
            writes.delete("StubbornReactive", Map.of("id", "r-0"));
            // the first request (25 entries) goes through; the second (3 entries) is never processed
            FaultRule unprocessed = FaultRule.unprocessed().forOperation("BatchWriteItem");
            proxy.addRule(FaultRule.delay(Duration.ZERO).forOperation("BatchWriteItem").first(1)).addRule(unprocessed);

            assertThatThrownBy(() -> reactive.batchWriteItem(writes.build()).await().atMost(Duration.ofSeconds(30)))
                    .isInstanceOfSatisfying(BatchWriteException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("3 of 28 writes were not processed after 2 retries "
                                + "(quarkus.dynamokit.document.batch-max-retries)");
                        assertThat(e.unprocessed().writes().get("StubbornReactive")).containsExactly(
                                new BatchWrite.Write(true, Map.of("id", "r-26")),
                                new BatchWrite.Write(true, Map.of("id", "r-27")),
                                new BatchWrite.Write(false, Map.of("id", "r-0")));
                    });
            assertThat(unprocessed.timesApplied()).isEqualTo(3);
            proxy.clearRules();
            assertThat(documents.getItem("StubbornReactive", Map.of("id", "r-0"), GetOptions.consistent())).isPresent();
            assertThat(documents.getItem("StubbornReactive", Map.of("id", "r-25"), GetOptions.consistent())).isPresent();
            assertThat(documents.getItem("StubbornReactive", Map.of("id", "r-26"), GetOptions.consistent())).isEmpty();

            // the first read request (100 keys) is answered; the second (3 keys of missing items) never is
            BatchGet.Builder keys = BatchGet.builder().consistentRead("StubbornReactive");
            for (int i = 0; i < 26; i++) {
                keys.key("StubbornReactive", Map.of("id", "r-" + i));
            }
            for (int i = 0; i < 77; i++) {
                keys.key("StubbornReactive", Map.of("id", "missing-" + i));
            }
            proxy.addRule(FaultRule.delay(Duration.ZERO).forOperation("BatchGetItem").first(1))
                    .addRule(FaultRule.unprocessed().forOperation("BatchGetItem"));
            assertThatThrownBy(() -> reactive.batchGetItem(keys.build()).await().atMost(Duration.ofSeconds(30)))
                    .isInstanceOfSatisfying(BatchGetException.class, e -> {
                        assertThat(e.unprocessedKeys().get("StubbornReactive")).containsExactlyInAnyOrder(
                                Map.of("id", "missing-74"), Map.of("id", "missing-75"), Map.of("id", "missing-76"));
                        assertThat(e.itemsRead().get("StubbornReactive")).extracting(item -> item.get("id"))
                                .hasSize(26).doesNotHaveDuplicates();
                    });
        }
    }
}
