package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.BatchGet;
import io.dynamokit.document.BatchWrite;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.Page;
import io.dynamokit.document.Query;
import io.dynamokit.document.Scan;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * 250 items written by one batch call, then read back across pages of 5: a query on a global secondary index and a
 * scan, as lazy streams and page by page.
 */
public class DocumentClientPagingTest {

    static final String TABLE = "Paging";
    static final int ITEMS = 250;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest();

    @Inject
    DocumentClient documents;

    void tableWith250Items() {
        try {
            documents.createTable(CreateTableRequest.builder().tableName(TABLE)
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("group").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("rank").attributeType(ScalarAttributeType.N).build())
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ByGroup")
                            .keySchema(KeySchemaElement.builder().attributeName("group").keyType(KeyType.HASH).build(),
                                    KeySchemaElement.builder().attributeName("rank").keyType(KeyType.RANGE).build())
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST).build());
        } catch (ResourceInUseException exists) {
            return;
        }
        documents.awaitActive(TABLE, Duration.ofSeconds(30));
        BatchWrite.Builder batch = BatchWrite.builder();
        for (int i = 0; i < ITEMS; i++) {
            Map<String, Object> item = new HashMap<>();
            item.put("id", "item-" + i);
            item.put("group", "all");
            item.put("rank", i);
            item.put("payload", "x".repeat(100));
            batch.put(TABLE, item);
        }
        documents.batchWriteItem(batch.build());
    }

    @Test
    void queryOnTheIndexStreamsEveryItemAcrossPagesOfFive() {
        tableWith250Items();
        try (Stream<Map<String, Object>> items = documents.query(Query.on(TABLE).index("ByGroup")
                .keyCondition("#g = :g").name("#g", "group").value(":g", "all").limit(5))) {
            List<Long> ranks = items.map(i -> (Long) i.get("rank")).toList();
            assertThat(ranks).hasSize(ITEMS).isSorted()
                    .containsExactlyElementsOf(IntStream.range(0, ITEMS).mapToObj(i -> (long) i).toList());
        }
        assertThat(documents.count(Query.on(TABLE).index("ByGroup").keyCondition("#g = :g")
                .name("#g", "group").value(":g", "all").limit(5))).isEqualTo(ITEMS);
    }

    @Test
    void queryPagesByHandWithTheLastEvaluatedKey() {
        tableWith250Items();
        Query query = Query.on(TABLE).index("ByGroup").keyCondition("#g = :g").name("#g", "group")
                .value(":g", "all").descending().limit(5);
        List<Long> ranks = new ArrayList<>();
        int pages = 0;
        Optional<Map<String, Object>> start = Optional.empty();
        do {
            Page page = documents.queryPage(start.map(query::startKey).orElse(query));
            page.items().forEach(i -> ranks.add((Long) i.get("rank")));
            start = page.lastEvaluatedKey();
            pages++;
            assertThat(page.items()).hasSizeLessThanOrEqualTo(5);
        } while (start.isPresent());
        assertThat(ranks).hasSize(ITEMS).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(pages).isBetween(ITEMS / 5, ITEMS / 5 + 1);
    }

    @Test
    void scanStreamsEveryItemAndSegmentsSplitThem() {
        tableWith250Items();
        try (Stream<Map<String, Object>> items = documents.scan(Scan.on(TABLE).limit(5))) {
            assertThat(items.map(i -> (String) i.get("id")).toList()).hasSize(ITEMS).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(allIds());
        }
        List<String> fromSegments = new ArrayList<>();
        for (int segment = 0; segment < 3; segment++) {
            try (Stream<Map<String, Object>> items = documents.scan(Scan.on(TABLE).segment(segment, 3).limit(5))) {
                items.forEach(i -> fromSegments.add((String) i.get("id")));
            }
        }
        assertThat(fromSegments).hasSize(ITEMS).doesNotHaveDuplicates();
    }

    @Test
    void scanPagesByHandWithTheLastEvaluatedKey() {
        tableWith250Items();
        Scan scan = Scan.on(TABLE).limit(5);
        List<String> ids = new ArrayList<>();
        int pages = 0;
        Optional<Map<String, Object>> start = Optional.empty();
        do {
            Page page = documents.scanPage(start.map(scan::startKey).orElse(scan));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(5);
            assertThat(page.count()).isEqualTo(page.items().size());
            page.items().forEach(i -> ids.add((String) i.get("id")));
            start = page.lastEvaluatedKey();
            pages++;
        } while (start.isPresent());
        assertThat(ids).hasSize(ITEMS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(allIds());
        assertThat(pages).isBetween(ITEMS / 5, ITEMS / 5 + 1);
    }

    @Test
    void scanOnTheIndexReadsEveryItemOnce() {
        tableWith250Items();
        try (Stream<Map<String, Object>> items = documents.scan(Scan.on(TABLE).index("ByGroup").limit(5))) {
            List<Map<String, Object>> all = items.toList();
            assertThat(all).extracting(i -> (String) i.get("id")).hasSize(ITEMS).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(allIds());
            assertThat(all).allSatisfy(i -> assertThat(i).containsEntry("group", "all"));
        }
    }

    @Test
    void selectCountGivesCountsWithoutItems() {
        tableWith250Items();
        Page queried = documents.queryPage(Query.on(TABLE).index("ByGroup").keyCondition("#g = :g AND #r < :r")
                .name("#g", "group").name("#r", "rank").value(":g", "all").value(":r", 40).select(Select.COUNT));
        assertThat(queried.items()).isEmpty();
        assertThat(queried.count()).isEqualTo(40);
        assertThat(queried.hasMore()).isFalse();

        Page scanned = documents.scanPage(Scan.on(TABLE).filter("#r >= :r").name("#r", "rank").value(":r", 200)
                .select(Select.COUNT));
        assertThat(scanned.items()).isEmpty();
        assertThat(scanned.count()).isEqualTo(50);
        assertThat(scanned.scannedCount()).isEqualTo(ITEMS);
    }

    @Test
    void queryFilterAndProjection() {
        tableWith250Items();
        Query query = Query.on(TABLE).index("ByGroup").keyCondition("#g = :g").name("#g", "group").value(":g", "all")
                .filter("id IN (:a, :b, :c)").value(":a", "item-3").value(":b", "item-77").value(":c", "item-240")
                .projection("id, #r").name("#r", "rank").limit(5);
        try (Stream<Map<String, Object>> items = documents.query(query)) {
            assertThat(items.toList()).containsExactly(Map.of("id", "item-3", "rank", 3L),
                    Map.of("id", "item-77", "rank", 77L), Map.of("id", "item-240", "rank", 240L));
        }
        Page first = documents.queryPage(query);
        assertThat(first.scannedCount()).isEqualTo(5);
        assertThat(first.items()).containsExactly(Map.of("id", "item-3", "rank", 3L));
        assertThat(first.count()).isEqualTo(1);
    }

    static List<String> allIds() {
        return IntStream.range(0, ITEMS).mapToObj(i -> "item-" + i).toList();
    }

    @Test
    void batchGetReadsEveryKeyInRequestsOfAHundred() {
        tableWith250Items();
        BatchGet.Builder keys = BatchGet.builder().consistentRead(TABLE);
        for (int i = 0; i < ITEMS; i++) {
            keys.key(TABLE, Map.of("id", "item-" + i));
        }
        keys.key(TABLE, Map.of("id", "item-0"));
        keys.key(TABLE, Map.of("id", "missing"));

        Map<String, List<Map<String, Object>>> found = documents.batchGetItem(keys.build());

        assertThat(found.get(TABLE)).hasSize(ITEMS)
                .extracting(i -> i.get("id")).doesNotHaveDuplicates();
    }
}
