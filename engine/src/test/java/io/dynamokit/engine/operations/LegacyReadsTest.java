package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** AttributesToGet, KeyConditions, QueryFilter, ScanFilter and ConditionalOperator on the reads, over the SDK. */
class LegacyReadsTest extends ReadTestBase {
    private static final String INVALID = "One or more parameter values were invalid: ";

    @BeforeAll
    void tables() {
        createCompositeTable("legacy_reads", ScalarAttributeType.S);
        createHashTable("legacy_hash", ScalarAttributeType.S);
        String[][] rows = {{"alpha", "1", "hello-world"}, {"beta", "2", "hello-there"}, {"gamma", "3", "goodbye"},
            {"delta", "4", "hello-again"}, {"epsilon", "5", "world"}};
        for (String[] row : rows) {
            put("legacy_reads", item("pk", s("p"), "sk", s(row[0]), "val", n(row[1]), "tag", s(row[2])));
            put("legacy_hash", item("pk", s(row[0]), "val", n(row[1]), "tag", s(row[2])));
        }
        put("legacy_reads", item("pk", s("other"), "sk", s("alpha"), "val", n("1")));
    }

    private static Condition cond(String operator, AttributeValue... values) {
        Condition.Builder builder = Condition.builder().comparisonOperator(operator);
        return values.length == 0 ? builder.build() : builder.attributeValueList(values).build();
    }

    private static Map<String, Condition> conditions(Object... namesAndConditions) {
        Map<String, Condition> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndConditions.length; i += 2) {
            map.put((String) namesAndConditions[i], (Condition) namesAndConditions[i + 1]);
        }
        return map;
    }

    private List<String> sortKeys(Map<String, Condition> keyConditions) {
        return dynamo.query(r -> r.tableName("legacy_reads").keyConditions(keyConditions)).items().stream()
                .map(i -> i.get("sk").s()).toList();
    }

    private void assertQueryRefused(Map<String, Condition> keyConditions, String message) {
        assertFails(() -> dynamo.query(r -> r.tableName("legacy_reads").keyConditions(keyConditions)),
                DynamoDbException.class, message);
    }

    @Test
    void attributesToGetOnGetItemAndBatchGetItem() {
        var got = dynamo.getItem(r -> r.tableName("legacy_hash").key(item("pk", s("beta")))
                .attributesToGet("tag", "nothing"));
        assertThat(got.item()).containsExactly(Map.entry("tag", s("hello-there")));
        var batch = dynamo.batchGetItem(r -> r.requestItems(Map.of("legacy_hash", KeysAndAttributes.builder()
                .keys(item("pk", s("alpha")), item("pk", s("gamma"))).attributesToGet("val").build())));
        assertThat(batch.responses().get("legacy_hash")).containsExactlyInAnyOrder(Map.of("val", n("1")),
                Map.of("val", n("3")));
        assertFails(() -> dynamo.getItem(r -> r.tableName("legacy_hash").key(item("pk", s("beta")))
                .attributesToGet("tag", "tag")), DynamoDbException.class,
                INVALID + "Duplicate value in attribute name: tag");
        assertFails(() -> dynamo.getItem(r -> r.tableName("legacy_hash").key(item("pk", s("beta")))
                .attributesToGet("tag").projectionExpression("val")), DynamoDbException.class,
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
        assertFails(() -> dynamo.getItem(r -> r.tableName("legacy_hash").key(item("pk", s("beta")))
                .attributesToGet("tag").expressionAttributeNames(Map.of("#t", "tag"))), DynamoDbException.class,
                "ExpressionAttributeNames can only be specified when using expressions");
    }

    @Test
    void keyConditionsSelectTheRange() {
        Condition onP = cond("EQ", s("p"));
        assertThat(sortKeys(conditions("pk", onP))).containsExactly("alpha", "beta", "delta", "epsilon", "gamma");
        assertThat(sortKeys(conditions("pk", onP, "sk", cond("BEGINS_WITH", s("al"))))).containsExactly("alpha");
        assertThat(sortKeys(conditions("sk", cond("BETWEEN", s("beta"), s("epsilon")), "pk", onP)))
                .containsExactly("beta", "delta", "epsilon");
        assertThat(sortKeys(conditions("pk", onP, "sk", cond("GT", s("delta"))))).containsExactly("epsilon", "gamma");
        assertThat(sortKeys(conditions("pk", onP, "sk", cond("LE", s("beta"))))).containsExactly("alpha", "beta");
        assertThat(sortKeys(conditions("pk", onP, "sk", cond("EQ", s("gamma"))))).containsExactly("gamma");
        QueryResponse reversed = dynamo.query(r -> r.tableName("legacy_reads").keyConditions(conditions("pk", onP))
                .scanIndexForward(false).limit(2));
        assertThat(reversed.items()).extracting(i -> i.get("sk").s()).containsExactly("gamma", "epsilon");
        assertThat(reversed.lastEvaluatedKey()).isEqualTo(item("pk", s("p"), "sk", s("epsilon")));
        QueryResponse withExpressions = dynamo.query(r -> r.tableName("legacy_reads")
                .keyConditions(conditions("pk", onP)).filterExpression("val > :v")
                .expressionAttributeValues(Map.of(":v", n("3"))).projectionExpression("val"));
        assertThat(withExpressions.items()).containsExactly(Map.of("val", n("4")), Map.of("val", n("5")));
    }

    @Test
    void keyConditionsRefusals() {
        Condition onP = cond("EQ", s("p"));
        assertQueryRefused(conditions("sk", cond("EQ", s("alpha"))), "Query condition missed key schema element: pk");
        assertQueryRefused(conditions("pk", cond("GT", s("p"))), "Query key condition not supported");
        assertQueryRefused(conditions("pk", onP, "sk", cond("NE", s("x"))),
                "Attempted conditional constraint is not an indexable operation");
        assertQueryRefused(conditions("pk", cond("EQ", n("1"))),
                INVALID + "Condition parameter type does not match schema type");
        assertQueryRefused(conditions("pk", onP, "val", cond("EQ", n("1"))),
                "Query condition missed key schema element: sk");
        assertQueryRefused(conditions("pk", onP, "sk", cond("EQ", s("a")), "val", cond("EQ", n("1"))),
                "Conditions can be of length 1 or 2 only");
        assertQueryRefused(Map.of(), "Conditions can be of length 1 or 2 only");
        assertQueryRefused(conditions("pk", onP, "sk", cond("BEGINS_WITH", n("1"))),
                INVALID + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
        assertQueryRefused(conditions("pk", onP, "sk", cond("BETWEEN", s("z"), s("a"))),
                "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        assertQueryRefused(conditions("pk", cond("EQ")), INVALID + "Invalid number of argument(s) for the EQ "
                + "ComparisonOperator");
        assertQueryRefused(conditions("pk", Condition.builder().attributeValueList(s("p")).build()),
                "1 validation error detected: Value null at 'keyConditions.pk.member.comparisonOperator' failed to "
                        + "satisfy constraint: Member must not be null");
        assertFails(() -> dynamo.query(r -> r.tableName("legacy_hash").keyConditions(conditions("pk",
                cond("EQ", s("alpha")), "sk", cond("EQ", s("a"))))), DynamoDbException.class,
                "Query key condition not supported");
        assertFails(() -> dynamo.query(r -> r.tableName("legacy_reads")), DynamoDbException.class,
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        assertFails(() -> dynamo.query(r -> r.tableName("legacy_reads").keyConditions(conditions("pk", onP))
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p")))),
                DynamoDbException.class, "Can not use both expression and non-expression parameters in the same "
                        + "request: Non-expression parameters: {KeyConditions} "
                        + "Expression parameters: {KeyConditionExpression}");
    }

    @Test
    void queryFilterAndAttributesToGet() {
        Map<String, Condition> onP = conditions("pk", cond("EQ", s("p")));
        QueryResponse equal = dynamo.query(r -> r.tableName("legacy_reads").keyConditions(onP)
                .queryFilter(conditions("val", cond("EQ", n("3")))).attributesToGet("sk", "val"));
        assertThat(equal.items()).containsExactly(item("sk", s("gamma"), "val", n("3")));
        assertThat(equal.scannedCount()).isEqualTo(5);
        QueryResponse either = dynamo.query(r -> r.tableName("legacy_reads").keyConditions(onP)
                .queryFilter(conditions("tag", cond("CONTAINS", s("there")), "val", cond("GE", n("5"))))
                .conditionalOperator("OR").select(Select.COUNT));
        assertThat(either.count()).isEqualTo(2);
        assertThat(either.items()).isEmpty();
        assertFails(() -> dynamo.query(r -> r.tableName("legacy_reads").keyConditions(onP)
                .queryFilter(conditions("sk", cond("EQ", s("a"))))), DynamoDbException.class,
                "QueryFilter can only contain non-primary key attributes: Primary key attribute: sk");
        assertFails(() -> dynamo.query(r -> r.tableName("legacy_reads").keyConditions(onP).attributesToGet("val")
                .select(Select.COUNT)), DynamoDbException.class,
                "Cannot specify the AttributesToGet when choosing to get only the Count");
        assertFails(() -> dynamo.query(r -> r.tableName("legacy_reads").keyConditions(onP)
                .queryFilter(conditions("val", cond("EQ", n("3")))).conditionalOperator("AND")),
                DynamoDbException.class,
                "ConditionalOperator can only be used when Filter or Expected has two or more elements");
        assertFails(() -> dynamo.query(r -> r.tableName("legacy_reads").conditionalOperator("AND")),
                DynamoDbException.class, "ConditionalOperator cannot be used without Filter or Expected");
        assertFails(() -> dynamo.query(r -> r.tableName("legacy_reads").keyConditions(onP)
                .queryFilter(conditions("val", cond("EQ", n("3")))).filterExpression("val = :v")
                .expressionAttributeValues(Map.of(":v", n("3")))), DynamoDbException.class,
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {QueryFilter} Expression parameters: {FilterExpression}");
    }

    @Test
    void scanFilterOperators() {
        assertThat(scanned(conditions("val", cond("GT", n("3"))), null)).containsExactly("delta", "epsilon");
        assertThat(scanned(conditions("tag", cond("BEGINS_WITH", s("hello"))), null))
                .containsExactly("alpha", "beta", "delta");
        assertThat(scanned(conditions("tag", cond("BEGINS_WITH", s("hello")), "val", cond("GT", n("1"))), "AND"))
                .containsExactly("beta", "delta");
        assertThat(scanned(conditions("tag", cond("EQ", s("world")), "val", cond("IN", n("1"), n("3"))), "OR"))
                .containsExactly("alpha", "epsilon", "gamma");
        assertThat(scanned(conditions("tag", cond("NOT_CONTAINS", s("hello")), "val", cond("NOT_NULL")), null))
                .containsExactly("epsilon", "gamma");
        assertThat(scanned(conditions("nothing", cond("NULL"), "val", cond("BETWEEN", n("2"), n("3"))), null))
                .containsExactly("beta", "gamma");
        assertThat(dynamo.scan(r -> r.tableName("legacy_hash").attributesToGet("val")
                .scanFilter(conditions("val", cond("LT", n("2"))))).items()).containsExactly(Map.of("val", n("1")));
    }

    private List<String> scanned(Map<String, Condition> filter, String conditionalOperator) {
        return dynamo.scan(r -> r.tableName("legacy_hash").scanFilter(filter).conditionalOperator(conditionalOperator))
                .items().stream().map(i -> i.get("pk").s()).sorted().toList();
    }

    @Test
    void scanFilterRefusals() {
        assertScanRefused(conditions("val", cond("LT", AttributeValue.fromBool(true))),
                INVALID + "ComparisonOperator LT is not valid for BOOL AttributeValue type");
        assertScanRefused(conditions("val", cond("CONTAINS", AttributeValue.fromSs(List.of("a")))),
                INVALID + "ComparisonOperator CONTAINS is not valid for SS AttributeValue type");
        assertScanRefused(conditions("val", cond("IN")), INVALID + "Invalid number of argument(s) for the IN "
                + "ComparisonOperator");
        assertScanRefused(conditions("val", cond("BETWEEN", n("1"), n("2"), n("3"))),
                INVALID + "Invalid number of argument(s) for the BETWEEN ComparisonOperator");
        assertScanRefused(conditions("val", cond("IN", n("1"), s("1"))),
                INVALID + "AttributeValues inside AttributeValueList must be of same type");
        assertScanRefused(conditions("val", cond("EQ", AttributeValue.builder().build())),
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertScanRefused(conditions("a", cond("NOPE"), "b", cond("EQ", n("1"))), "1 validation error detected: "
                + "Value 'NOPE' at 'scanFilter.a.member.comparisonOperator' failed to satisfy constraint: "
                + "Member must satisfy enum value set: "
                + "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        assertFails(() -> dynamo.scan(r -> r.tableName("legacy_hash").attributesToGet("val", "val")
                .scanFilter(conditions("val", cond("IN")))), DynamoDbException.class,
                INVALID + "Duplicate value in attribute name: val");
        assertFails(() -> dynamo.scan(r -> r.tableName("legacy_hash").attributesToGet("val")
                .scanFilter(conditions("val", cond("EQ", n("1")))).conditionalOperator("OR")
                .filterExpression("val = :v").projectionExpression("tag")
                .expressionAttributeValues(Map.of(":v", n("1")))), DynamoDbException.class,
                "Can not use both expression and non-expression parameters in the same request: Non-expression "
                        + "parameters: {AttributesToGet, ScanFilter, ConditionalOperator} "
                        + "Expression parameters: {ProjectionExpression, FilterExpression}");
        assertFails(() -> dynamo.scan(r -> r.tableName("legacy_hash").scanFilter(conditions("val", cond("EQ",
                n("1")))).expressionAttributeValues(Map.of(":v", n("1")))), DynamoDbException.class,
                "ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null");
    }

    private void assertScanRefused(Map<String, Condition> filter, String message) {
        assertFails(() -> dynamo.scan(r -> r.tableName("legacy_hash").scanFilter(filter)), DynamoDbException.class,
                message);
    }
}
