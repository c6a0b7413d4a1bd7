package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.BatchGet;
import io.dynamokit.document.BatchWrite;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.Scan;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.LoopbackPorts;
import io.dynamokit.test.fault.RecordedRequest;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Batch calls through the fault proxy, which throttles some requests and answers others with every entry
 * unprocessed: every item is still written and read, and each reaches DynamoDB exactly once.
 */
public class BatchCallsUnderFaultsTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(BatchCallsUnderFaultsTest.class.getName());
    private static final Pattern ID = Pattern.compile("\"id\":\\{\"S\":\"(item-\\d+)\"}");
    static final int ITEMS = 180;

    @RegisterExtension
    static final QuarkusUnitTest APP = DocumentFixtures.appBehindProxy(PROXY_PORT)
            .overrideConfigKey("quarkus.dynamokit.client.retry.base-backoff", "1MS")
            .overrideConfigKey("quarkus.dynamokit.client.retry.throttling-base-backoff", "1MS")
            .overrideConfigKey("quarkus.dynamokit.document.batch-base-backoff", "1MS")
            .overrideConfigKey("quarkus.dynamokit.document.batch-concurrency", "3");

    @Inject
    DocumentClient documents;

    @Test
    void everyItemIsWrittenAndReadExactlyOnce() {
        try (FaultProxy proxy = DocumentFixtures.startProxy(PROXY_PORT)) {
            documents.createTable(DocumentFixtures.keyedBy("Faulty", "id"));
            documents.awaitActive("Faulty", Duration.ofSeconds(30));

            FaultRule throttledWrites = FaultRule.provisionedThroughputExceeded().forOperation("BatchWriteItem").first(3);
            FaultRule unprocessedWrites = FaultRule.unprocessed().forOperation("BatchWriteItem").share(0.4, 7);
            proxy.addRule(throttledWrites).addRule(unprocessedWrites);
            proxy.clearRequests();

            BatchWrite.Builder writes = BatchWrite.builder();
            for (int i = 0; i < ITEMS; i++) {
                Map<String, Object> item = new HashMap<>();
                item.put("id", "item-" + i);
                item.put("n", i);
                writes.put("Faulty", item);
            }
            documents.batchWriteItem(writes.build());

            assertThat(throttledWrites.timesApplied()).isEqualTo(3);
            assertThat(unprocessedWrites.timesApplied()).isPositive();
            Map<String, Integer> written = idsIn(proxy.requests(), "BatchWriteItem");
            assertThat(written).hasSize(ITEMS).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
            assertThat(documents.scan(Scan.on("Faulty").consistentRead(true)).count()).isEqualTo(ITEMS);

            proxy.clearRules();
            FaultRule unprocessedReads = FaultRule.unprocessed().forOperation("BatchGetItem").first(2);
            FaultRule throttledReads = FaultRule.throttlingException().forOperation("BatchGetItem").first(1);
            proxy.addRule(unprocessedReads).addRule(throttledReads);
            proxy.clearRequests();

            BatchGet.Builder keys = BatchGet.builder().consistentRead("Faulty");
            for (int i = 0; i < ITEMS; i++) {
                keys.key("Faulty", Map.of("id", "item-" + i));
            }
            List<Map<String, Object>> read = documents.batchGetItem(keys.build()).get("Faulty");

            assertThat(unprocessedReads.timesApplied()).isEqualTo(2);
            assertThat(throttledReads.timesApplied()).isEqualTo(1);
            assertThat(read).hasSize(ITEMS).extracting(i -> i.get("id")).doesNotHaveDuplicates();
            assertThat(idsIn(proxy.requests(), "BatchGetItem")).hasSize(ITEMS)
                    .allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        }
    }

    /** How many times each item id reached DynamoDB (requests the proxy forwarded) in the given operation. */
    static Map<String, Integer> idsIn(List<RecordedRequest> requests, String operation) {
        Map<String, Integer> ids = new HashMap<>();
        for (RecordedRequest request : requests) {
            if (operation.equals(request.operation()) && RecordedRequest.OUTCOME_FORWARDED.equals(request.outcome())) {
                Matcher matcher = ID.matcher(request.bodyAsString());
                while (matcher.find()) {
                    ids.merge(matcher.group(1), 1, Integer::sum);
                }
            }
        }
        return ids;
    }
}
