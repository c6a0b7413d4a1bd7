package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryTest extends ReadTestBase {
    private static final Map<String, AttributeValue> PK_P = Map.of(":p", AttributeValue.fromS("p"));

    @BeforeAll
    void tables() {
        createCompositeTable("strings", ScalarAttributeType.S);
        createCompositeTable("numbers", ScalarAttributeType.N);
        createCompositeTable("binaries", ScalarAttributeType.B);
        createIndexedTable("indexed");
        // UTF-8 byte order; Java's UTF-16 order would put the emoji before U+FFFD
        for (String sk : List.of("b", "\uD83D\uDE00", "a", "\uFFFD", "B", "\u00E9")) {
            put("strings", item("pk", s("p"), "sk", s(sk)));
        }
        for (String sk : List.of("alpha", "beta", "delta", "gamma")) {
            put("strings", item("pk", s("k"), "sk", s(sk)));
        }
        for (int i = 0; i < 10; i++) {
            put("strings", item("pk", s("f"), "sk", s("00" + i), "cat", s(i % 2 == 0 ? "even" : "odd")));
        }
        for (String sk : List.of("10", "-5", "100", "0.5", "-100", "0", "1E3", "5")) {
            put("numbers", item("pk", s("p"), "sk", n(sk)));
        }
        for (int[] bytes : new int[][] {{0xFF}, {0x01, 0x02}, {0x7F}, {0x01}, {0x02}}) {
            byte[] b = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                b[i] = (byte) bytes[i];
            }
            put("binaries", item("pk", s("p"), "sk", AttributeValue.fromB(SdkBytes.fromByteArray(b))));
        }
        put("indexed", item("pk", s("u"), "sk", s("1"), "lsk", s("c"), "grp", s("g"), "gsk", n("2"),
                "data", s("d1"), "tag", s("t1"), "extra", s("x1")));
        put("indexed", item("pk", s("u"), "sk", s("2"), "lsk", s("a"), "grp", s("g"), "gsk", n("1"),
                "data", s("d2"), "tag", s("t2"), "extra", s("x2")));
        put("indexed", item("pk", s("u"), "sk", s("3"), "lsk", s("b"), "tag", s("t3"), "extra", s("x3")));
        put("indexed", item("pk", s("v"), "sk", s("1"), "lsk", s("a"), "grp", s("g"), "gsk", n("3"),
                "data", s("d4"), "extra", s("x4")));
    }

    private QueryResponse query(String table, String keyCondition, Map<String, AttributeValue> values,
            java.util.function.Consumer<QueryRequest.Builder> more) {
        return dynamo.query(r -> {
            r.tableName(table).keyConditionExpression(keyCondition).expressionAttributeValues(values);
            more.accept(r);
        });
    }

    private static List<String> strings(QueryResponse response, String name) {
        return response.items().stream().map(i -> i.get(name).s()).toList();
    }

    @Test
    void stringSortKeysInUtf8ByteOrderBothWays() {
        QueryResponse up = query("strings", "pk = :p", PK_P, r -> { });
        assertThat(strings(up, "sk")).containsExactly("B", "a", "b", "\u00E9", "\uFFFD", "\uD83D\uDE00");
        assertThat(up.count()).isEqualTo(6);
        assertThat(up.scannedCount()).isEqualTo(6);
        assertThat(up.hasLastEvaluatedKey()).isFalse();
        QueryResponse down = query("strings", "pk = :p", PK_P, r -> r.scanIndexForward(false));
        assertThat(strings(down, "sk")).containsExactly("\uD83D\uDE00", "\uFFFD", "\u00E9", "b", "a", "B");
    }

    @Test
    void numberKeysNumericallyAndBinaryKeysByUnsignedBytes() {
        QueryResponse numbers = query("numbers", "pk = :p", PK_P, r -> { });
        assertThat(numbers.items().stream().map(i -> i.get("sk").n()).toList())
                .containsExactly("-100", "-5", "0", "0.5", "5", "10", "100", "1000");
        QueryResponse range = query("numbers", "pk = :p AND sk BETWEEN :lo AND :hi",
                Map.of(":p", s("p"), ":lo", n("-5"), ":hi", n("10")), r -> r.scanIndexForward(false));
        assertThat(range.items().stream().map(i -> i.get("sk").n()).toList())
                .containsExactly("10", "5", "0.5", "0", "-5");
        List<String> paged = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = query("numbers", "pk = :p AND sk BETWEEN :lo AND :hi",
                    Map.of(":p", s("p"), ":lo", n("-5"), ":hi", n("10")),
                    r -> r.scanIndexForward(false).limit(2).exclusiveStartKey(from));
            page.items().forEach(i -> paged.add(i.get("sk").n()));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertThat(paged).containsExactly("10", "5", "0.5", "0", "-5");
        QueryResponse binaries = query("binaries", "pk = :p", PK_P, r -> { });
        assertThat(binaries.items().stream().map(i -> i.get("sk").b().asByteArray()[0] & 0xff).toList())
                .containsExactly(0x01, 0x01, 0x02, 0x7F, 0xFF);
        QueryResponse prefix = query("binaries", "pk = :p AND begins_with(sk, :b)", Map.of(":p", s("p"), ":b",
                AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1}))), r -> { });
        assertThat(prefix.count()).isEqualTo(2);
    }

    @Test
    void sortKeyConditions() {
        Map<String, AttributeValue> k = Map.of(":p", s("k"), ":v", s("c"));
        assertThat(strings(query("strings", "pk = :p AND sk < :v", k, r -> { }), "sk"))
                .containsExactly("alpha", "beta");
        assertThat(strings(query("strings", "pk = :p AND :v <= sk", k, r -> { }), "sk"))
                .containsExactly("delta", "gamma");
        assertThat(strings(query("strings", "pk = :p AND begins_with(sk, :v)", Map.of(":p", s("k"), ":v", s("b")),
                r -> r.scanIndexForward(false)), "sk")).containsExactly("beta");
        assertThat(strings(query("strings", "pk = :p AND sk = :v", Map.of(":p", s("k"), ":v", s("delta")),
                r -> { }), "sk")).containsExactly("delta");
        assertThat(query("strings", "pk = :p", Map.of(":p", s("none")), r -> { }).items()).isEmpty();
    }

    @Test
    void limitCountsItemsReadBeforeTheFilter() {
        Map<String, AttributeValue> values = Map.of(":p", s("f"), ":c", s("even"));
        QueryResponse first = query("strings", "pk = :p", values, r -> r.filterExpression("cat = :c").limit(3));
        assertThat(first.scannedCount()).isEqualTo(3);
        assertThat(strings(first, "sk")).containsExactly("000", "002");
        assertThat(first.lastEvaluatedKey()).isEqualTo(item("pk", s("f"), "sk", s("002")));

        List<String> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = query("strings", "pk = :p", values,
                    r -> r.filterExpression("cat = :c").limit(3).exclusiveStartKey(from));
            all.addAll(strings(page, "sk"));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertThat(all).containsExactly("000", "002", "004", "006", "008");
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void selectCountAndProjection() {
        QueryResponse count = query("strings", "pk = :p", Map.of(":p", s("f"), ":c", s("odd")),
                r -> r.filterExpression("cat = :c").select(Select.COUNT));
        assertThat(count.hasItems()).isFalse();
        assertThat(count.count()).isEqualTo(5);
        assertThat(count.scannedCount()).isEqualTo(10);
        QueryResponse projected = query("strings", "pk = :p", Map.of(":p", s("f")),
                r -> r.projectionExpression("cat").select(Select.SPECIFIC_ATTRIBUTES).limit(1));
        assertThat(projected.items()).containsExactly(item("cat", s("even")));

        assertFails(() -> query("strings", "pk = :p", PK_P, r -> r.select(Select.SPECIFIC_ATTRIBUTES)),
                DynamoDbException.class,
                "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        assertFails(() -> query("strings", "pk = :p", PK_P, r -> r.select(Select.ALL_PROJECTED_ATTRIBUTES)),
                DynamoDbException.class, "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        assertFails(() -> query("strings", "pk = :p", PK_P, r -> r.select(Select.COUNT).projectionExpression("sk")),
                DynamoDbException.class, "Cannot specify the ProjectionExpression when choosing to get only the Count");
        assertFails(() -> query("strings", "pk = :p", PK_P,
                r -> r.select(Select.ALL_ATTRIBUTES).projectionExpression("sk")),
                DynamoDbException.class, "Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES");
    }

    @Test
    void globalIndexReturnsItsProjectionInIndexOrderAndIsSparse() {
        QueryResponse byGroup = query("indexed", "grp = :g", Map.of(":g", s("g")), r -> r.indexName("byGroup"));
        assertThat(byGroup.items()).containsExactly(
                item("pk", s("u"), "sk", s("2"), "grp", s("g"), "gsk", n("1"), "data", s("d2")),
                item("pk", s("u"), "sk", s("1"), "grp", s("g"), "gsk", n("2"), "data", s("d1")),
                item("pk", s("v"), "sk", s("1"), "grp", s("g"), "gsk", n("3"), "data", s("d4")));
        QueryResponse all = query("indexed", "grp = :g", Map.of(":g", s("g")),
                r -> r.indexName("allByGroup").select(Select.ALL_ATTRIBUTES));
        assertThat(all.items()).hasSize(3).allSatisfy(i -> assertThat(i).containsKey("extra"));

        QueryResponse page = query("indexed", "grp = :g AND gsk > :n", Map.of(":g", s("g"), ":n", n("1")),
                r -> r.indexName("byGroup").limit(1));
        assertThat(page.lastEvaluatedKey())
                .isEqualTo(item("pk", s("u"), "sk", s("1"), "grp", s("g"), "gsk", n("2")));
        QueryResponse next = query("indexed", "grp = :g AND gsk > :n", Map.of(":g", s("g"), ":n", n("1")),
                r -> r.indexName("byGroup").limit(1).exclusiveStartKey(page.lastEvaluatedKey()));
        assertThat(strings(next, "pk")).containsExactly("v");

        assertFails(() -> query("indexed", "grp = :g", Map.of(":g", s("g")),
                r -> r.indexName("byGroup").consistentRead(true)),
                DynamoDbException.class, "Consistent reads are not supported on global secondary indexes");
        assertFails(() -> query("indexed", "grp = :g", Map.of(":g", s("g")),
                r -> r.indexName("byGroup").select(Select.ALL_ATTRIBUTES)),
                DynamoDbException.class, "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is "
                        + "not supported for global secondary index byGroup because its projection type is not ALL");
        assertFails(() -> query("indexed", "grp = :g", Map.of(":g", s("g")), r -> r.indexName("nope")),
                DynamoDbException.class, "The table does not have the specified index: nope");
    }

    @Test
    void localIndexFetchesUnprojectedAttributesFromTheTable() {
        Map<String, AttributeValue> u = Map.of(":p", s("u"));
        QueryResponse projected = query("indexed", "pk = :p", u, r -> r.indexName("byLocal").consistentRead(true));
        assertThat(strings(projected, "sk")).containsExactly("2", "3", "1");
        assertThat(projected.items().get(0)).containsOnlyKeys("pk", "sk", "lsk", "tag");
        QueryResponse all = query("indexed", "pk = :p", u, r -> r.indexName("byLocal").select(Select.ALL_ATTRIBUTES));
        assertThat(all.items().get(0)).containsEntry("extra", s("x2")).containsEntry("data", s("d2"));
        QueryResponse specific = query("indexed", "pk = :p AND lsk >= :l", Map.of(":p", s("u"), ":l", s("b")),
                r -> r.indexName("byLocal").projectionExpression("extra"));
        assertThat(specific.items()).containsExactly(item("extra", s("x3")), item("extra", s("x1")));
        QueryResponse filtered = query("indexed", "pk = :p", Map.of(":p", s("u"), ":x", s("x1")),
                r -> r.indexName("byLocal").filterExpression("extra = :x"));
        assertThat(filtered.items()).containsExactly(item("pk", s("u"), "sk", s("1"), "lsk", s("c"), "tag", s("t1")));
    }

    @Test
    void consumedCapacityFromTheSizesRead() {
        createCompositeTable("sized", ScalarAttributeType.S);
        String payload = "x".repeat(5000);
        put("sized", item("pk", s("c"), "sk", s("1"), "payload", s(payload)));
        put("sized", item("pk", s("c"), "sk", s("2"), "payload", s(payload)));
        Map<String, AttributeValue> c = Map.of(":p", s("c"));
        // 2 x 5013 bytes: 3 units of 4 KB
        assertThat(query("sized", "pk = :p", c, r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().capacityUnits()).isEqualTo(1.5);
        assertThat(query("sized", "pk = :p", c, r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .consistentRead(true)).consumedCapacity().capacityUnits()).isEqualTo(3.0);
        assertThat(query("sized", "pk = :p", Map.of(":p", s("none")),
                r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits())
                .isEqualTo(0.5);
        var indexes = query("indexed", "grp = :g", Map.of(":g", s("g")),
                r -> r.indexName("byGroup").returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(indexes.tableName()).isEqualTo("indexed");
        assertThat(indexes.table().capacityUnits()).isEqualTo(0.0);
        assertThat(indexes.globalSecondaryIndexes().get("byGroup").capacityUnits()).isEqualTo(0.5);
        assertThat(indexes.capacityUnits()).isEqualTo(0.5);
    }

    @Test
    void pagesEndAtOneMegabyte() {
        createCompositeTable("large", ScalarAttributeType.S);
        String payload = "y".repeat(60_000);
        for (int i = 0; i < 20; i++) {
            put("large", item("pk", s("big"), "sk", s(String.format("s%02d", i)), "payload", s(payload)));
        }
        Map<String, AttributeValue> big = Map.of(":p", s("big"));
        QueryResponse first = query("large", "pk = :p", big, r -> r.projectionExpression("sk"));
        assertThat(first.count()).isBetween(16, 19);
        String last = first.items().get(first.count() - 1).get("sk").s();
        assertThat(first.lastEvaluatedKey()).isEqualTo(item("pk", s("big"), "sk", s(last)));
        QueryResponse rest = query("large", "pk = :p", big,
                r -> r.projectionExpression("sk").exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(first.count() + rest.count()).isEqualTo(20);
        assertThat(rest.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void refusesInvalidRequestsWithDynamoDbsMessages() {
        assertFails(() -> dynamo.query(r -> r.tableName("strings")), DynamoDbException.class,
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        assertFails(() -> query("strings", "pk = :p", PK_P, r -> r.limit(0)), DynamoDbException.class,
                "1 validation error detected: Value at 'Limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertFails(() -> query("missing", "pk = :p", PK_P, r -> { }), ResourceNotFoundException.class,
                "Requested resource not found");
        assertFails(() -> query("strings", "sk = :p", PK_P, r -> { }), DynamoDbException.class,
                "Query condition missed key schema element: pk");
        assertFails(() -> query("strings", "pk = :p", Map.of(":p", s("f"), ":s", s("1")),
                r -> r.filterExpression("sk > :s")), DynamoDbException.class,
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
        assertFails(() -> query("strings", "pk = :p", PK_P, r -> r.expressionAttributeNames(Map.of("#u", "u"))),
                DynamoDbException.class, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#u}");
        assertFails(() -> query("strings", "pk = :p", PK_P, r -> r.exclusiveStartKey(item("pk", s("p")))),
                DynamoDbException.class, "The provided starting key is invalid");
        assertFails(() -> query("strings", "pk = :p", PK_P,
                r -> r.exclusiveStartKey(item("pk", s("q"), "sk", s("a")))), DynamoDbException.class,
                "The provided starting key is outside query boundaries based on provided conditions");
        assertFails(() -> dynamo.query(r -> r.tableName("strings").keyConditionExpression("pk = :p")
                .expressionAttributeValues(PK_P).attributesToGet("sk")), DynamoDbException.class,
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributesToGet} Expression parameters: {KeyConditionExpression}");
    }
}
