package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.BatchWrite;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.Query;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.document.Scan;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The lazy streams (queries and scans, blocking and reactive) fetch a page only when the reader reaches it: reading 7
 * items of pages of 5 costs two requests.
 */
public class LazyPagingFetchesOnlyWhatIsReadTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(LazyPagingFetchesOnlyWhatIsReadTest.class.getName());

    @RegisterExtension
    static final QuarkusUnitTest APP = DocumentFixtures.appBehindProxy(PROXY_PORT);

    @Inject
    DocumentClient documents;

    @Inject
    ReactiveDocumentClient reactive;

    @Test
    void readingSevenItemsFetchesTwoPages() {
        try (FaultProxy proxy = DocumentFixtures.startProxy(PROXY_PORT)) {
            documents.createTable(CreateTableRequest.builder().tableName("Lazy")
                    .keySchema(KeySchemaElement.builder().attributeName("p").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("n").keyType(KeyType.RANGE).build())
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("p").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("n").attributeType(ScalarAttributeType.N).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST).build());
            documents.awaitActive("Lazy", Duration.ofSeconds(30));
            BatchWrite.Builder batch = BatchWrite.builder();
            for (int i = 0; i < 100; i++) {
                batch.put("Lazy", Map.of("p", "x", "n", i));
            }
            documents.batchWriteItem(batch.build());
            Query query = Query.on("Lazy").keyCondition("p = :p").value(":p", "x").limit(5);

            proxy.clearRequests();
            try (Stream<Map<String, Object>> items = documents.query(query)) {
                assertThat(items.limit(7).map(i -> i.get("n")).toList()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
            }
            assertThat(proxy.requests()).extracting(r -> r.operation()).containsExactly("Query", "Query");

            proxy.clearRequests();
            List<Map<String, Object>> first = reactive.query(query).select().first(7).collect().asList()
                    .await().atMost(Duration.ofSeconds(30));
            assertThat(first).extracting(i -> i.get("n")).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(proxy.requests()).extracting(r -> r.operation()).containsExactly("Query", "Query");

            Scan scan = Scan.on("Lazy").limit(5);
            proxy.clearRequests();
            try (Stream<Map<String, Object>> items = documents.scan(scan)) {
                assertThat(items.limit(7).toList()).hasSize(7);
            }
            assertThat(proxy.requests()).extracting(r -> r.operation()).containsExactly("Scan", "Scan");

            proxy.clearRequests();
            assertThat(reactive.scan(scan).select().first(7).collect().asList().await().atMost(Duration.ofSeconds(30)))
                    .hasSize(7);
            assertThat(proxy.requests()).extracting(r -> r.operation()).containsExactly("Scan", "Scan");
        }
    }
}
