package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dynamokit.engine.support.EngineTestBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Expected, ConditionalOperator and AttributeUpdates on PutItem, UpdateItem and DeleteItem over the SDK. */
class LegacyWritesTest extends EngineTestBase {
    private static final String ENUM = "Member must satisfy enum value set: ";
    private static final Map<String, AttributeValue> SAMPLE = item("pk", s("sample"), "n", n("5"), "s", s("hello"),
            "ss", AttributeValue.fromSs(List.of("a", "b")), "l", AttributeValue.fromL(List.of(s("x"))));

    @BeforeAll
    void tables() {
        createHashTable("legacy_writes", ScalarAttributeType.S);
        dynamo.putItem(r -> r.tableName("legacy_writes").item(SAMPLE));
    }

    /** A ComparisonOperator condition; without values the request carries no AttributeValueList at all. */
    private static ExpectedAttributeValue op(String operator, AttributeValue... values) {
        ExpectedAttributeValue.Builder builder = ExpectedAttributeValue.builder().comparisonOperator(operator);
        return values.length == 0 ? builder.build() : builder.attributeValueList(values).build();
    }

    private static ExpectedAttributeValue exists(Boolean exists, AttributeValue value) {
        return ExpectedAttributeValue.builder().exists(exists).value(value).build();
    }

    private static AttributeValue ss(String... members) {
        return AttributeValue.fromSs(List.of(members));
    }

    private static AttributeValueUpdate update(String action, AttributeValue value) {
        return AttributeValueUpdate.builder().action(action).value(value).build();
    }

    /** Whether rewriting the sample item unchanged under {@code expected} succeeds (the condition held). */
    private boolean holds(Map<String, ExpectedAttributeValue> expected, String conditionalOperator) {
        try {
            dynamo.putItem(r -> r.tableName("legacy_writes").item(SAMPLE).expected(expected)
                    .conditionalOperator(conditionalOperator));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private boolean holds(String attribute, ExpectedAttributeValue expected) {
        return holds(Map.of(attribute, expected), null);
    }

    private static void assertValidation(ThrowingCallable call, String message) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(DynamoDbException.class);
        DynamoDbException e = (DynamoDbException) thrown;
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    private void assertPutRefused(Map<String, ExpectedAttributeValue> expected, String message) {
        assertValidation(() -> dynamo.putItem(r -> r.tableName("legacy_writes")
                .item(item("pk", s("refused"))).expected(expected)), message);
        assertThat(dynamo.getItem(r -> r.tableName("legacy_writes").key(item("pk", s("refused")))).hasItem())
                .isFalse();
    }

    @Test
    void expectedExistsAndValue() {
        dynamo.putItem(r -> r.tableName("legacy_writes").item(item("pk", s("e1"), "v", n("1")))
                .expected(Map.of("pk", exists(false, null))));
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("legacy_writes").item(item("pk", s("e1")))
                .expected(Map.of("pk", exists(false, null)))))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageStartingWith("The conditional request failed");
        dynamo.putItem(r -> r.tableName("legacy_writes").item(item("pk", s("e1"), "v", n("2")))
                .expected(Map.of("v", exists(null, n("1.0")))));
        assertThatThrownBy(() -> dynamo.deleteItem(r -> r.tableName("legacy_writes").key(item("pk", s("e1")))
                .expected(Map.of("v", exists(true, n("1"))))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        dynamo.deleteItem(r -> r.tableName("legacy_writes").key(item("pk", s("e1")))
                .expected(Map.of("v", exists(true, n("2")), "gone", exists(false, null))));
        assertThat(dynamo.getItem(r -> r.tableName("legacy_writes").key(item("pk", s("e1")))).hasItem()).isFalse();
    }

    @Test
    void expectedComparisonOperators() {
        assertThat(holds("n", op("EQ", n("5")))).isTrue();
        assertThat(holds("n", op("EQ", s("5")))).isFalse();
        assertThat(holds("ss", op("EQ", ss("b", "a")))).isTrue();
        assertThat(holds("n", ExpectedAttributeValue.builder().comparisonOperator("EQ").value(n("5")).build()))
                .isTrue();
        assertThat(holds("n", op("NE", n("6")))).isTrue();
        assertThat(holds("missing", op("NE", n("6")))).isTrue();
        assertThat(holds("n", op("LT", n("6")))).isTrue();
        assertThat(holds("n", op("LE", n("5")))).isTrue();
        assertThat(holds("n", op("GT", n("5")))).isFalse();
        assertThat(holds("n", op("GE", n("5")))).isTrue();
        assertThat(holds("missing", op("LT", n("6")))).isFalse();
        assertThat(holds("s", op("GT", s("hell")))).isTrue();
        assertThat(holds("n", op("BETWEEN", n("1"), n("5")))).isTrue();
        assertThat(holds("n", op("BETWEEN", n("6"), n("9")))).isFalse();
        assertThat(holds("n", op("IN", n("1"), n("5")))).isTrue();
        assertThat(holds("n", op("IN", n("1")))).isFalse();
        assertThat(holds("n", op("NOT_NULL"))).isTrue();
        assertThat(holds("n", op("NULL"))).isFalse();
        assertThat(holds("missing", op("NULL"))).isTrue();
        assertThat(holds("s", op("CONTAINS", s("ell")))).isTrue();
        assertThat(holds("ss", op("CONTAINS", s("a")))).isTrue();
        assertThat(holds("l", op("CONTAINS", s("x")))).isTrue();
        assertThat(holds("ss", op("NOT_CONTAINS", s("a")))).isFalse();
        assertThat(holds("s", op("NOT_CONTAINS", s("z")))).isTrue();
        assertThat(holds("s", op("BEGINS_WITH", s("he")))).isTrue();
        assertThat(holds("s", op("BEGINS_WITH", s("lo")))).isFalse();
    }

    @Test
    void conditionalOperatorJoinsExpectations() {
        Map<String, ExpectedAttributeValue> oneOfTwo = new LinkedHashMap<>();
        oneOfTwo.put("n", op("EQ", n("5")));
        oneOfTwo.put("s", op("EQ", s("other")));
        assertThat(holds(oneOfTwo, "OR")).isTrue();
        assertThat(holds(oneOfTwo, "AND")).isFalse();
        assertThat(holds(oneOfTwo, null)).isFalse();
    }

    @Test
    void expectedRefusals() {
        String invalid = "One or more parameter values were invalid: ";
        assertPutRefused(Map.of("a", ExpectedAttributeValue.builder().build()),
                invalid + "Value must be provided when Exists is null for Attribute: a");
        assertPutRefused(Map.of("a", exists(true, null)),
                invalid + "Value must be provided when Exists is true for Attribute: a");
        assertPutRefused(Map.of("a", exists(false, s("x"))),
                invalid + "Value cannot be used when Exists is false for Attribute: a");
        assertPutRefused(Map.of("a", op("LT")),
                invalid + "Value or AttributeValueList must be used with ComparisonOperator: LT for Attribute: a");
        assertPutRefused(Map.of("a", op("EQ", s("x")).toBuilder().exists(true).build()),
                invalid + "Exists and ComparisonOperator cannot be used together for Attribute: a");
        assertPutRefused(Map.of("a", op("EQ", s("x")).toBuilder().value(s("x")).build()),
                invalid + "Value and AttributeValueList cannot be used together for Attribute: a");
        assertPutRefused(Map.of("a", ExpectedAttributeValue.builder().attributeValueList(s("x")).build()),
                invalid + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a");
        assertPutRefused(Map.of("a", op("EQ", s("x"), s("y"))),
                invalid + "Invalid number of argument(s) for the EQ ComparisonOperator");
        assertPutRefused(Map.of("a", op("NULL", s("x"))),
                invalid + "Invalid number of argument(s) for the NULL ComparisonOperator");
        assertPutRefused(Map.of("a", op("BETWEEN", s("x"), n("1"))),
                invalid + "AttributeValues inside AttributeValueList must be of same type");
        assertPutRefused(Map.of("a", op("LT", ss("x"))),
                invalid + "ComparisonOperator LT is not valid for SS AttributeValue type");
        assertPutRefused(Map.of("a", op("BEGINS_WITH", n("1"))),
                invalid + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
        assertPutRefused(Map.of("a", op("BETWEEN", n("9"), n("1"))),
                "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        assertPutRefused(Map.of("a", exists(null, AttributeValue.builder().build())),
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertPutRefused(Map.of("a", op("BOGUS", s("x"))), "1 validation error detected: Value 'BOGUS' at "
                + "'expected.a.member.comparisonOperator' failed to satisfy constraint: " + ENUM
                + "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
    }

    @Test
    void mixingAndConditionalOperatorRefusals() {
        assertValidation(() -> dynamo.putItem(r -> r.tableName("legacy_writes").item(item("pk", s("m")))
                .expected(Map.of("pk", exists(false, null))).conditionalOperator("AND")
                .conditionExpression("attribute_not_exists(pk)")),
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {Expected, ConditionalOperator} "
                        + "Expression parameters: {ConditionExpression}");
        assertValidation(() -> dynamo.deleteItem(r -> r.tableName("legacy_writes").key(item("pk", s("m")))
                .conditionalOperator("OR")), "ConditionalOperator cannot be used without Filter or Expected");
        assertValidation(() -> dynamo.putItem(r -> r.tableName("legacy_writes").item(item("pk", s("m")))
                .conditionalOperator("AND").expected(Map.of("pk", exists(false, null)))),
                "ConditionalOperator can only be used when Filter or Expected has two or more elements");
        assertValidation(() -> dynamo.putItem(r -> r.tableName("legacy_writes").item(item("pk", s("m")))
                .conditionalOperator("XOR")), "1 validation error detected: Value 'XOR' at 'conditionalOperator' "
                        + "failed to satisfy constraint: " + ENUM + "[OR, AND]");
        assertValidation(() -> dynamo.putItem(r -> r.tableName("legacy_writes").item(item("pk", s("m")))
                .expected(Map.of("pk", exists(false, null))).expressionAttributeNames(Map.of("#p", "pk"))),
                "ExpressionAttributeNames can only be specified when using expressions");
        assertValidation(() -> dynamo.putItem(r -> r.tableName("legacy_writes").item(item("pk", s("m")))
                .expressionAttributeNames(Map.of())),
                "ExpressionAttributeNames can only be specified when using expressions");
        assertValidation(() -> dynamo.updateItem(r -> r.tableName("legacy_writes").key(item("pk", s("m")))
                .attributeUpdates(Map.of("v", update("PUT", n("1")))).expressionAttributeValues(Map.of(":v", n("1")))),
                "ExpressionAttributeValues can only be specified when using expressions: "
                        + "UpdateExpression and ConditionExpression are null");
        assertThat(dynamo.getItem(r -> r.tableName("legacy_writes").key(item("pk", s("m")))).hasItem()).isFalse();
    }

    @Test
    void attributeUpdatesActions() {
        dynamo.putItem(r -> r.tableName("legacy_writes").item(item("pk", s("u1"), "count", n("10"),
                "tags", ss("a", "b", "c"), "list", AttributeValue.fromL(List.of(s("x"))), "old", s("drop"))));
        Map<String, AttributeValueUpdate> updates = new LinkedHashMap<>();
        updates.put("name", AttributeValueUpdate.builder().value(s("put without action")).build());
        updates.put("count", update("ADD", n("-2.5")));
        updates.put("fresh", update("ADD", n("3")));
        updates.put("tags", update("DELETE", ss("b", "z")));
        updates.put("more", update("ADD", AttributeValue.fromNs(List.of("1", "2"))));
        updates.put("list", update("ADD", AttributeValue.fromL(List.of(s("y")))));
        updates.put("newList", update("ADD", AttributeValue.fromL(List.of(n("1")))));
        updates.put("old", update("DELETE", null));
        updates.put("absentSet", update("DELETE", ss("q")));
        var answer = dynamo.updateItem(r -> r.tableName("legacy_writes").key(item("pk", s("u1")))
                .attributeUpdates(updates).returnValues(ReturnValue.UPDATED_NEW));
        assertThat(answer.attributes()).containsOnlyKeys("name", "count", "fresh", "tags", "more", "list", "newList");
        Map<String, AttributeValue> read = dynamo.getItem(r -> r.tableName("legacy_writes")
                .key(item("pk", s("u1")))).item();
        assertThat(read).containsEntry("name", s("put without action")).containsEntry("count", n("7.5"))
                .containsEntry("fresh", n("3")).containsEntry("list", AttributeValue.fromL(List.of(s("x"), s("y"))))
                .containsEntry("newList", AttributeValue.fromL(List.of(n("1")))).doesNotContainKeys("old", "absentSet");
        assertThat(read.get("tags").ss()).containsExactlyInAnyOrder("a", "c");
        assertThat(read.get("more").ns()).containsExactlyInAnyOrder("1", "2");

        dynamo.updateItem(r -> r.tableName("legacy_writes").key(item("pk", s("u1")))
                .attributeUpdates(Map.of("tags", update("DELETE", ss("a", "c")), "more", update("ADD",
                        AttributeValue.fromNs(List.of("2.0", "3"))))));
        read = dynamo.getItem(r -> r.tableName("legacy_writes").key(item("pk", s("u1")))).item();
        assertThat(read).doesNotContainKey("tags");
        assertThat(read.get("more").ns()).containsExactlyInAnyOrder("1", "2", "3");

        var created = dynamo.updateItem(r -> r.tableName("legacy_writes").key(item("pk", s("u2")))
                .attributeUpdates(Map.of("hits", update("ADD", n("1")))).returnValues(ReturnValue.ALL_NEW));
        assertThat(created.attributes()).containsExactlyInAnyOrderEntriesOf(item("pk", s("u2"), "hits", n("1")));
    }

    @Test
    void attributeUpdatesWithExpected() {
        dynamo.putItem(r -> r.tableName("legacy_writes").item(item("pk", s("u3"), "version", n("1"))));
        assertThatThrownBy(() -> dynamo.updateItem(r -> r.tableName("legacy_writes").key(item("pk", s("u3")))
                .attributeUpdates(Map.of("version", update("PUT", n("3"))))
                .expected(Map.of("version", exists(true, n("2"))))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        dynamo.updateItem(r -> r.tableName("legacy_writes").key(item("pk", s("u3")))
                .attributeUpdates(Map.of("version", update("PUT", n("2"))))
                .expected(Map.of("version", op("LT", n("2")))));
        assertThat(dynamo.getItem(r -> r.tableName("legacy_writes").key(item("pk", s("u3")))).item())
                .containsEntry("version", n("2"));
    }

    @Test
    void attributeUpdatesRefusals() {
        String invalid = "One or more parameter values were invalid: ";
        dynamo.putItem(r -> r.tableName("legacy_writes").item(item("pk", s("u4"), "text", s("t"), "set", ss("a"))));
        assertUpdateRefused(Map.of("text", update("PUT", null)),
                invalid + "Only DELETE action is allowed when no attribute value is specified");
        assertUpdateRefused(Map.of("text", update("DELETE", s("t"))),
                invalid + "DELETE action with value is not supported for the type S");
        assertUpdateRefused(Map.of("text", update("ADD", s("t"))),
                invalid + "ADD action is not supported for the type S");
        assertUpdateRefused(Map.of("text", update("ADD", n("1"))), "Type mismatch for attribute to update");
        assertUpdateRefused(Map.of("set", update("DELETE", AttributeValue.fromNs(List.of("1")))),
                "Type mismatch for attribute to update");
        assertUpdateRefused(Map.of("text", update("ADD", AttributeValue.fromL(List.of(s("x"))))),
                "Type mismatch for attribute to update");
        assertUpdateRefused(Map.of("pk", update("PUT", s("other"))),
                invalid + "Cannot update attribute pk. This attribute is part of the key");
        assertUpdateRefused(Map.of("text", update("BOGUS", s("x"))), "1 validation error detected: Value 'BOGUS' at "
                + "'attributeUpdates.text.member.action' failed to satisfy constraint: " + ENUM + "[ADD, PUT, DELETE]");
        assertValidation(() -> dynamo.updateItem(r -> r.tableName("legacy_writes").key(item("pk", s("u4")))
                .attributeUpdates(Map.of("text", update("PUT", s("x")))).updateExpression("SET text = :v")
                .expressionAttributeValues(Map.of(":v", s("x")))),
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}");
        assertThat(dynamo.getItem(r -> r.tableName("legacy_writes").key(item("pk", s("u4")))).item())
                .containsExactlyInAnyOrderEntriesOf(item("pk", s("u4"), "text", s("t"), "set", ss("a")));
    }

    private void assertUpdateRefused(Map<String, AttributeValueUpdate> updates, String message) {
        assertValidation(() -> dynamo.updateItem(r -> r.tableName("legacy_writes").key(item("pk", s("u4")))
                .attributeUpdates(updates)), message);
    }
}
