package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynamokit.engine.support.EngineTestBase;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

class TransactionsTest extends EngineTestBase {

    @BeforeAll
    void tables() {
        createHashTable("txn", ScalarAttributeType.S);
        createCompositeTable("txn_sorted", ScalarAttributeType.S);
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    private static TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName("txn").item(item)
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }

    private static TransactWriteItem update(String pk, String expression, Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().update(Update.builder().tableName("txn").key(Map.of("pk", s(pk)))
                .updateExpression(expression).expressionAttributeValues(values).build()).build();
    }

    private static TransactWriteItem check(String pk, String condition) {
        return check(pk, condition, null);
    }

    private static TransactWriteItem check(String pk, String condition, Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("txn")
                .key(Map.of("pk", s(pk))).conditionExpression(condition).expressionAttributeValues(values).build())
                .build();
    }

    private static TransactWriteItem delete(String pk) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName("txn").key(Map.of("pk", s(pk))).build())
                .build();
    }

    private Map<String, AttributeValue> get(String pk) {
        return dynamo.getItem(r -> r.tableName("txn").key(Map.of("pk", s(pk)))).item();
    }

    private static String message(DynamoDbException e) {
        return e.awsErrorDetails().errorMessage();
    }

    private TransactionCanceledException cancelled(TransactWriteItem... items) {
        return catchThrowableOfType(() -> dynamo.transactWriteItems(r -> r.transactItems(items)),
                TransactionCanceledException.class);
    }

    @Test
    void appliesEveryKindOfActionTogether() {
        dynamo.putItem(r -> r.tableName("txn").item(item("pk", s("a-upd"), "n", n("1"))));
        dynamo.putItem(r -> r.tableName("txn").item(item("pk", s("a-del"))));
        dynamo.putItem(r -> r.tableName("txn").item(item("pk", s("a-chk"), "ok", AttributeValue.fromBool(true))));
        TransactWriteItemsResponse answer = dynamo.transactWriteItems(r -> r.transactItems(
                put("txn", item("pk", s("a-put"))),
                put("txn_sorted", item("pk", s("a"), "sk", s("b"))),
                update("a-upd", "SET n = n + :one", Map.of(":one", n("1"))),
                delete("a-del"),
                check("a-chk", "ok = :t", Map.of(":t", AttributeValue.fromBool(true))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(get("a-put")).isNotNull();
        assertThat(get("a-upd")).containsEntry("n", n("2"));
        assertThat(get("a-del")).isEmpty();
        assertThat(answer.consumedCapacity()).extracting(c -> c.tableName() + "=" + c.capacityUnits() + "/"
                + c.writeCapacityUnits()).containsExactly("txn=8.0/8.0", "txn_sorted=2.0/2.0");

        var read = dynamo.transactGetItems(r -> r.transactItems(
                TransactGetItem.builder().get(Get.builder().tableName("txn").key(Map.of("pk", s("a-upd")))
                        .projectionExpression("n").build()).build(),
                TransactGetItem.builder().get(Get.builder().tableName("txn").key(Map.of("pk", s("a-del"))).build())
                        .build()));
        assertThat(read.responses().get(0).item()).containsExactly(Map.entry("n", n("2")));
        assertThat(read.responses().get(1).hasItem()).isFalse();
    }

    @Test
    void aFailedConditionCancelsEverythingWithReasonsInOrder() {
        dynamo.putItem(r -> r.tableName("txn").item(item("pk", s("c-old"), "v", s("kept"))));
        TransactionCanceledException e = cancelled(put("txn", item("pk", s("c-new"))),
                putIfAbsent(item("pk", s("c-old"), "v", s("replaced"))));
        assertThat(message(e)).isEqualTo("Transaction cancelled, please refer cancellation reasons for specific "
                + "reasons [None, ConditionalCheckFailed]");
        assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("None", "ConditionalCheckFailed");
        assertThat(e.cancellationReasons().get(0).message()).isNull();
        assertThat(e.cancellationReasons().get(1).message()).isEqualTo("The conditional request failed");
        assertThat(e.cancellationReasons().get(1).item()).isEqualTo(item("pk", s("c-old"), "v", s("kept")));
        assertThat(get("c-new")).isEmpty();
        assertThat(get("c-old")).containsEntry("v", s("kept"));

        TransactionCanceledException noGhost = cancelled(TransactWriteItem.builder().update(Update.builder()
                .tableName("txn").key(Map.of("pk", s("c-ghost"))).updateExpression("ADD hits :one")
                .conditionExpression("attribute_exists(pk)").expressionAttributeValues(Map.of(":one", n("1")))
                .build()).build());
        assertThat(noGhost.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("ConditionalCheckFailed");
        assertThat(noGhost.cancellationReasons().get(0).hasItem()).isFalse();
        assertThat(get("c-ghost")).isEmpty();
    }

    @Test
    void invalidActionsAreCancellationReasonsOrRefusals() {
        TransactionCanceledException mistyped = cancelled(put("txn", item("pk", n("5"))), delete("v-any"));
        assertThat(mistyped.cancellationReasons()).extracting(CancellationReason::code, CancellationReason::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ValidationError", "One or more parameter values "
                        + "were invalid: Type mismatch for key pk expected: S actual: N"),
                        org.assertj.core.groups.Tuple.tuple("None", null));
        TransactionCanceledException badUpdate = cancelled(update("v-upd", "SET n = n + :one",
                Map.of(":one", n("1"))));
        assertThat(badUpdate.cancellationReasons().get(0).message())
                .isEqualTo("The provided expression refers to an attribute that does not exist in the item");

        assertThat(message(catchThrowableOfType(() -> dynamo.transactWriteItems(r -> r.transactItems(
                put("txn", item("pk", s("v-dup"))), delete("v-dup"))), DynamoDbException.class)))
                .isEqualTo("Transaction request cannot include multiple operations on one item");
        assertThat(message(catchThrowableOfType(() -> dynamo.transactWriteItems(r -> r.transactItems(
                put("txn", item("pk", s(""))))), DynamoDbException.class))).isEqualTo("One or more parameter values "
                        + "are not valid. The AttributeValue for a key attribute cannot contain an empty string value. "
                        + "Key: pk");
        assertThat(message(catchThrowableOfType(() -> dynamo.transactWriteItems(r -> r.transactItems(
                put("no_such_table", item("pk", s("x"))))), ResourceNotFoundException.class)))
                .isEqualTo("Requested resource not found");
        assertThat(message(catchThrowableOfType(() -> dynamo.transactWriteItems(r -> r.transactItems(
                put("no_such_table", item("pk", s("x"))), check("v-chk", "attribute_not_exists("))),
                DynamoDbException.class)))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"");
        assertThat(message(catchThrowableOfType(() -> dynamo.transactWriteItems(r -> r.transactItems(List.of())),
                DynamoDbException.class))).isEqualTo("1 validation error detected: Value '[]' at 'transactItems' "
                        + "failed to satisfy constraint: Member must have length greater than or equal to 1");
        List<TransactWriteItem> tooMany = IntStream.range(0, 101).mapToObj(i -> put("txn", item("pk", s("m" + i))))
                .toList();
        assertThat(message(catchThrowableOfType(() -> dynamo.transactWriteItems(r -> r.transactItems(tooMany)),
                DynamoDbException.class))).matches("(?s)1 validation error detected: Value '\\[TransactWriteItem\\(.+\\]'"
                        + " at 'transactItems' failed to satisfy constraint: Member must have length less than or equal "
                        + "to 100");
        List<TransactWriteItem> large = IntStream.range(0, 12).mapToObj(i -> put("txn", item("pk", s("l" + i),
                "p", s("x".repeat(350_000))))).toList();
        assertThat(message(catchThrowableOfType(() -> dynamo.transactWriteItems(r -> r.transactItems(large)),
                DynamoDbException.class))).contains("4MB limit");
        assertThat(get("l0")).isEmpty();
        assertThat(message(catchThrowableOfType(() -> dynamo.transactWriteItems(r -> r.transactItems(
                put("txn", item("pk", s("v-token")))).clientRequestToken("x".repeat(37))), DynamoDbException.class)))
                .isEqualTo("1 validation error detected: Value '" + "x".repeat(37) + "' at 'clientRequestToken' "
                        + "failed to satisfy constraint: Member must have length less than or equal to 36");

        TransactionCanceledException getCancelled = catchThrowableOfType(() -> dynamo.transactGetItems(r -> r
                .transactItems(TransactGetItem.builder().get(Get.builder().tableName("txn").key(Map.of()).build())
                        .build())), TransactionCanceledException.class);
        assertThat(message(getCancelled)).isEqualTo("Transaction cancelled, please refer cancellation reasons for "
                + "specific reasons [ValidationError]");
        assertThat(getCancelled.cancellationReasons().get(0).message())
                .isEqualTo("The provided key element does not match the schema");
    }

    @Test
    void aClientRequestTokenAppliesOnce() {
        dynamo.putItem(r -> r.tableName("txn").item(item("pk", s("t-count"), "n", n("0"))));
        TransactWriteItem increment = update("t-count", "ADD n :one", Map.of(":one", n("1")));
        dynamo.transactWriteItems(r -> r.transactItems(increment).clientRequestToken("token-1"));
        dynamo.transactWriteItems(r -> r.transactItems(increment).clientRequestToken("token-1"));
        assertThat(get("t-count")).containsEntry("n", n("1"));
        dynamo.transactWriteItems(r -> r.transactItems(increment).clientRequestToken("token-2"));
        assertThat(get("t-count")).containsEntry("n", n("2"));
        IdempotentParameterMismatchException mismatch = catchThrowableOfType(() -> dynamo.transactWriteItems(r -> r
                .transactItems(update("t-count", "ADD n :two", Map.of(":two", n("2")))).clientRequestToken("token-1")),
                IdempotentParameterMismatchException.class);
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(get("t-count")).containsEntry("n", n("2"));
    }

    @Test
    void aRepeatedTokenAnswersTheReadCapacityOfItsItemsNotTheWrite() {
        String big = "x".repeat(5000);
        TransactWriteItem[] actions = {put("txn", item("pk", s("rep-big"), "data", s(big))),
                update("rep-small", "SET n = :one", Map.of(":one", n("1")))};
        TransactWriteItemsResponse first = dynamo.transactWriteItems(r -> r.transactItems(actions)
                .clientRequestToken("token-capacity").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        // written: five 1 KB units of the 5 KB item and one of the small one, each twice for a transaction
        assertThat(first.consumedCapacity()).extracting(c -> c.tableName() + "=" + c.capacityUnits() + "/"
                + c.writeCapacityUnits() + "/" + c.readCapacityUnits()).containsExactly("txn=12.0/12.0/null");

        TransactWriteItemsResponse repeat = dynamo.transactWriteItems(r -> r.transactItems(actions)
                .clientRequestToken("token-capacity").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        // read: one 4 KB unit of each item as it is now (the big one takes two), each twice for a transaction
        assertThat(repeat.consumedCapacity()).extracting(c -> c.tableName() + "=" + c.capacityUnits() + "/"
                + c.writeCapacityUnits() + "/" + c.readCapacityUnits()).containsExactly("txn=6.0/null/6.0");
        assertThat(get("rep-small")).containsEntry("n", n("1"));

        dynamo.deleteItem(r -> r.tableName("txn").key(Map.of("pk", s("rep-big"))));
        TransactWriteItemsResponse afterDelete = dynamo.transactWriteItems(r -> r.transactItems(actions)
                .clientRequestToken("token-capacity").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        // still not applied again: the deleted item stays deleted, and reading nothing costs the minimum unit
        assertThat(get("rep-big")).isEmpty();
        assertThat(afterDelete.consumedCapacity()).extracting(c -> c.tableName() + "=" + c.capacityUnits())
                .containsExactly("txn=4.0");
    }
}
