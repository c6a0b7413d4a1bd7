package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.support.EngineTestBase;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ItemOperationsTest extends EngineTestBase {

    @BeforeAll
    void tables() {
        createHashTable("items", ScalarAttributeType.S);
        createCompositeTable("sorted", ScalarAttributeType.N);
    }

    @Test
    void putGetAndDelete() {
        Map<String, AttributeValue> item = item("pk", s("a"), "n", n("1.50"), "b", AttributeValue.fromB(
                SdkBytes.fromByteArray(new byte[] {1, 2})), "l", AttributeValue.fromL(java.util.List.of(s("x"))),
                "ns", AttributeValue.fromNs(java.util.List.of("1", "2")), "nul", AttributeValue.fromNul(true));
        assertThat(dynamo.putItem(r -> r.tableName("items").item(item)).attributes()).isEmpty();
        Map<String, AttributeValue> read = dynamo.getItem(r -> r.tableName("items").key(item("pk", s("a")))).item();
        assertThat(read).containsEntry("n", n("1.5")).containsEntry("b", item.get("b")).containsEntry("l", item.get("l"));

        var replaced = dynamo.putItem(r -> r.tableName("items").item(item("pk", s("a"), "v", s("2")))
                .returnValues(ReturnValue.ALL_OLD));
        assertThat(replaced.attributes()).containsEntry("n", n("1.5"));
        assertThat(dynamo.getItem(r -> r.tableName("items").key(item("pk", s("a")))
                .projectionExpression("v")).item()).containsExactly(Map.entry("v", s("2")));

        var deleted = dynamo.deleteItem(r -> r.tableName("items").key(item("pk", s("a")))
                .returnValues(ReturnValue.ALL_OLD));
        assertThat(deleted.attributes()).containsEntry("v", s("2"));
        assertThat(dynamo.getItem(r -> r.tableName("items").key(item("pk", s("a")))).hasItem()).isFalse();
    }

    @Test
    void conditionalWrites() {
        dynamo.putItem(r -> r.tableName("items").item(item("pk", s("c"), "v", n("1")))
                .conditionExpression("attribute_not_exists(pk)"));
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("items").item(item("pk", s("c")))
                .conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageStartingWith("The conditional request failed");
        ConditionalCheckFailedException failed = (ConditionalCheckFailedException) org.assertj.core.api.Assertions
                .catchThrowable(() -> dynamo.deleteItem(r -> r.tableName("items").key(item("pk", s("c")))
                        .conditionExpression("v = :two").expressionAttributeValues(Map.of(":two", n("2")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(failed.item()).containsEntry("v", n("1"));
        dynamo.deleteItem(r -> r.tableName("items").key(item("pk", s("c")))
                .conditionExpression("v = :one").expressionAttributeValues(Map.of(":one", n("1"))));
    }

    @Test
    void updateItemReturnValues() {
        var created = dynamo.updateItem(r -> r.tableName("sorted").key(item("pk", s("u"), "sk", n("1")))
                .updateExpression("SET c = :one, t = :t").expressionAttributeValues(Map.of(":one", n("1"),
                        ":t", s("x")))
                .returnValues(ReturnValue.ALL_NEW));
        assertThat(created.attributes()).containsEntry("pk", s("u")).containsEntry("c", n("1"));
        var incremented = dynamo.updateItem(r -> r.tableName("sorted").key(item("pk", s("u"), "sk", n("1")))
                .updateExpression("SET c = c + :one REMOVE t").expressionAttributeValues(Map.of(":one", n("1")))
                .returnValues(ReturnValue.UPDATED_OLD));
        assertThat(incremented.attributes()).containsOnlyKeys("c", "t").containsEntry("c", n("1"));
        var updatedNew = dynamo.updateItem(r -> r.tableName("sorted").key(item("pk", s("u"), "sk", n("1")))
                .updateExpression("ADD c :one").expressionAttributeValues(Map.of(":one", n("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        assertThat(updatedNew.attributes()).containsExactly(Map.entry("c", n("3")));
        assertThatThrownBy(() -> dynamo.updateItem(r -> r.tableName("sorted")
                .key(item("pk", s("u"), "sk", n("1"))).updateExpression("SET pk = :v")
                .expressionAttributeValues(Map.of(":v", s("w")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Cannot update attribute pk. "
                        + "This attribute is part of the key");
        dynamo.updateItem(r -> r.tableName("sorted").key(item("pk", s("bare"), "sk", n("2"))));
        assertThat(dynamo.getItem(r -> r.tableName("sorted").key(item("pk", s("bare"), "sk", n("2")))).item())
                .containsOnlyKeys("pk", "sk");
    }

    @Test
    void keyValidation() {
        assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName("items").key(item("pk", n("1")))))
                .hasMessageStartingWith("The provided key element does not match the schema");
        assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName("items").key(item("pk", s("1"), "x", s("2")))))
                .hasMessageStartingWith("The provided key element does not match the schema");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("items").item(item("x", s("1")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Missing the key pk in the item");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("items").item(item("pk", n("1")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for key pk "
                        + "expected: S actual: N");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("items").item(item("pk", s("")))))
                .hasMessageStartingWith("One or more parameter values are not valid. The AttributeValue for a key "
                        + "attribute cannot contain an empty string value. Key: pk");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("items").item(item("pk", s("x".repeat(2049))))))
                .hasMessageStartingWith("One or more parameter values were invalid: Size of hashkey has exceeded "
                        + "the maximum size limit of2048 bytes");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("items")
                .item(item("pk", s("big"), "v", s("x".repeat(410_000))))))
                .hasMessageStartingWith("Item size has exceeded the maximum allowed size");
        assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName("missing").key(item("pk", s("1")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
    }

    @Test
    void attributeValueValidation() {
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("items").item(item("pk", s("v"),
                "ss", AttributeValue.fromSs(java.util.List.of("a", "a"))))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Input collection [a, a] "
                        + "contains duplicates.");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("items").item(item("pk", s("v"),
                "ss", AttributeValue.fromSs(java.util.List.of())))))
                .hasMessageStartingWith("One or more parameter values were invalid: An string set  may not be empty");
        assertThat(post("PutItem", "{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":\"a\",\"N\":\"1\"}}}").body())
                .contains("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the "
                        + "supported datatypes");
        assertThat(post("PutItem", "{\"TableName\":\"items\",\"Item\":{\"pk\":{}}}").body())
                .contains("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertThat(post("PutItem", "{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"x1\"}}}")
                .body()).contains("The parameter cannot be converted to a numeric value: x1");
        assertThat(post("PutItem", "{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":true}}}").body())
                .contains("SerializationException");
        RawAnswer missing = post("PutItem", "{\"Item\":{\"pk\":{\"S\":\"a\"}}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("1 validation error detected: Value null at 'tableName' failed to "
                + "satisfy constraint: Member must not be null");
    }

    @Test
    void consumedCapacity() {
        dynamo.putItem(r -> r.tableName("items").item(item("pk", s("cap"), "v", s("x".repeat(5000)))));
        var put = dynamo.putItem(r -> r.tableName("items").item(item("pk", s("cap"), "v", s("small")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(put.consumedCapacity().capacityUnits()).isEqualTo(5.0);
        assertThat(put.consumedCapacity().tableName()).isEqualTo("items");
        var get = dynamo.getItem(r -> r.tableName("items").key(item("pk", s("cap")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertThat(get.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        assertThat(get.consumedCapacity().table().capacityUnits()).isEqualTo(0.5);
        var consistent = dynamo.getItem(r -> r.tableName("items").key(item("pk", s("cap"))).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(consistent.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void unusedExpressionValuesAreRefused() {
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("items").item(item("pk", s("e")))
                .expressionAttributeValues(Map.of(":v", s("x")))))
                .hasMessageStartingWith("ExpressionAttributeValues can only be specified when using expressions: "
                        + "ConditionExpression is null");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("items").item(item("pk", s("e")))
                .conditionExpression("attribute_not_exists(pk)").expressionAttributeValues(Map.of(":v", s("x")))))
                .hasMessageStartingWith("Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("items").item(item("pk", s("e")))
                .returnValues(ReturnValue.ALL_NEW)))
                .hasMessageStartingWith("ReturnValues can only be ALL_OLD or NONE");
    }
}
