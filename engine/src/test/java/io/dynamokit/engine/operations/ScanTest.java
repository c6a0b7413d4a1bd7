package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class ScanTest extends ReadTestBase {

    @BeforeAll
    void tables() {
        createHashTable("flat", ScalarAttributeType.S);
        for (int i = 0; i < 40; i++) {
            put("flat", item("pk", s("item-" + i), "n", n(Integer.toString(i)), "rest", s("r" + i)));
        }
        createIndexedTable("indexed");
        for (int i = 0; i < 12; i++) {
            put("indexed", item("pk", s("p"), "sk", s("s" + (char) ('a' + i)), "lsk", s("l" + (i % 3)),
                    "grp", s("g"), "gsk", n(Integer.toString(i % 4)), "data", s("d" + i), "extra", s("x")));
        }
        put("indexed", item("pk", s("p"), "sk", s("sparse"), "extra", s("x")));
    }

    /** Every page of a scan, following LastEvaluatedKey. */
    private List<ScanResponse> pages(java.util.function.Consumer<ScanRequest.Builder> request) {
        List<ScanResponse> pages = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(r -> {
                request.accept(r);
                r.exclusiveStartKey(from);
            });
            pages.add(page);
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            assertThat(pages).hasSizeLessThan(100);
        } while (start != null);
        return pages;
    }

    private static List<String> keys(List<ScanResponse> pages) {
        List<String> keys = new ArrayList<>();
        pages.forEach(p -> p.items().forEach(i -> keys.add(i.get("pk").s() + "/"
                + (i.containsKey("sk") ? i.get("sk").s() : ""))));
        return keys;
    }

    @Test
    void pagesCoverTheTableOnce() {
        ScanResponse whole = dynamo.scan(r -> r.tableName("flat"));
        assertThat(whole.count()).isEqualTo(40);
        assertThat(whole.hasLastEvaluatedKey()).isFalse();
        List<ScanResponse> pages = pages(r -> r.tableName("flat").limit(7));
        assertThat(pages).hasSize(6);
        assertThat(keys(pages)).doesNotHaveDuplicates().hasSize(40)
                .containsExactlyElementsOf(keys(List.of(whole)));
        ScanResponse first = pages.get(0);
        assertThat(first.lastEvaluatedKey()).isEqualTo(item("pk", first.items().get(6).get("pk")));
    }

    @Test
    void filterCountsAgainstWhatWasRead() {
        ScanResponse filtered = dynamo.scan(r -> r.tableName("flat").filterExpression("n < :n AND begins_with(pk, :p)")
                .expressionAttributeValues(Map.of(":n", n("5"), ":p", s("item-"))).select(Select.COUNT));
        assertThat(filtered.count()).isEqualTo(5);
        assertThat(filtered.scannedCount()).isEqualTo(40);
        assertThat(filtered.hasItems()).isFalse();
        ScanResponse projected = dynamo.scan(r -> r.tableName("flat").projectionExpression("rest")
                .filterExpression("pk = :k").expressionAttributeValues(Map.of(":k", s("item-3"))));
        assertThat(projected.items()).containsExactly(item("rest", s("r3")));
    }

    @Test
    void parallelSegmentsAreDisjointAndCoverTheTable() {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 4; segment++) {
            int current = segment;
            List<String> keys = keys(pages(r -> r.tableName("flat").segment(current).totalSegments(4).limit(3)));
            total += keys.size();
            seen.addAll(keys);
        }
        assertThat(total).isEqualTo(40);
        assertThat(seen).hasSize(40);

        Map<String, AttributeValue> inSegmentZero = dynamo.scan(r -> r.tableName("flat").segment(0).totalSegments(2)
                .limit(1)).lastEvaluatedKey();
        assertFails(() -> dynamo.scan(r -> r.tableName("flat").segment(1).totalSegments(2)
                .exclusiveStartKey(inSegmentZero)), DynamoDbException.class,
                "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with "
                        + "correct Segment. TotalSegments: 2 Segment: 1");
    }

    @Test
    void indexScansReadTheIndexEntriesOnly() {
        List<ScanResponse> global = pages(r -> r.tableName("indexed").indexName("byGroup").limit(5));
        assertThat(keys(global)).hasSize(12).doesNotHaveDuplicates().doesNotContain("p/sparse");
        assertThat(global.get(0).items().get(0)).containsOnlyKeys("pk", "sk", "grp", "gsk", "data");
        assertThat(global.get(0).lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "grp", "gsk");
        // equal local sort keys: the table key tells the entries apart when paging
        List<ScanResponse> local = pages(r -> r.tableName("indexed").indexName("byLocal").limit(5));
        assertThat(keys(local)).hasSize(12).doesNotHaveDuplicates();
        assertThat(local.get(0).lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "lsk");
        assertThat(dynamo.scan(r -> r.tableName("indexed").indexName("byLocal").select(Select.ALL_ATTRIBUTES))
                .items()).allSatisfy(i -> assertThat(i).containsKey("extra"));
        var capacity = dynamo.scan(r -> r.tableName("indexed").indexName("byLocal").consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(capacity.localSecondaryIndexes()).containsOnlyKeys("byLocal");
        assertThat(capacity.capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void refusesInvalidRequestsWithDynamoDbsMessages() {
        assertFails(() -> dynamo.scan(r -> r.tableName("flat").segment(0)), DynamoDbException.class,
                "The TotalSegments parameter is required but was not present in the request when Segment parameter "
                        + "is present");
        assertFails(() -> dynamo.scan(r -> r.tableName("flat").totalSegments(4)), DynamoDbException.class,
                "The Segment parameter is required but was not present in the request when parameter TotalSegments "
                        + "is present");
        assertFails(() -> dynamo.scan(r -> r.tableName("flat").segment(5).totalSegments(5)), DynamoDbException.class,
                "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 5 is not "
                        + "less than TotalSegments: 5");
        assertFails(() -> dynamo.scan(r -> r.tableName("flat").segment(0).totalSegments(1_000_001)),
                DynamoDbException.class, "1 validation error detected: Value '1000001' at 'totalSegments' failed to "
                        + "satisfy constraint: Member must have value less than or equal to 1000000");
        assertFails(() -> dynamo.scan(r -> r.tableName("flat").limit(0)), DynamoDbException.class,
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertFails(() -> dynamo.scan(r -> r.tableName("nowhere")), ResourceNotFoundException.class,
                "Requested resource not found");
        assertFails(() -> dynamo.scan(r -> r.tableName("flat").exclusiveStartKey(item("pk", n("1")))),
                DynamoDbException.class, "The provided starting key is invalid: The provided key element does not "
                        + "match the schema");
        assertFails(() -> dynamo.scan(r -> r.tableName("indexed").indexName("byGroup")
                .exclusiveStartKey(item("pk", s("p"), "sk", s("sa")))), DynamoDbException.class,
                "The provided starting key is invalid");
        assertFails(() -> dynamo.scan(r -> r.tableName("flat").select(Select.ALL_PROJECTED_ATTRIBUTES)
                .projectionExpression("pk")), DynamoDbException.class,
                "Cannot specify the ProjectionExpression when choosing to get ALL_PROJECTED_ATTRIBUTES");
        assertFails(() -> dynamo.scan(r -> r.tableName("flat").expressionAttributeValues(Map.of(":v", s("v")))),
                DynamoDbException.class,
                "ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null");
        assertFails(() -> dynamo.scan(r -> r.tableName("flat").filterExpression("status = :v")
                .expressionAttributeValues(Map.of(":v", s("v")))), DynamoDbException.class,
                "Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: status");
    }
}
