package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.ConditionExpression;
import io.dynamokit.engine.expressions.ExpressionContext;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DeleteItem: removes the item with the key when the condition holds (deleting no item is no error). */
final class DeleteItem implements Operation {
    private final Storage storage;

    DeleteItem(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String tableName = request.string("TableName");
        Map<String, Object> rawKey = request.map("Key");
        String conditionalOperator = request.string("ConditionalOperator");
        List<LegacyConditions.Entry> expected = LegacyConditions.read(request, "Expected");
        Constraints c = new Constraints();
        ItemRequests.tableName(c, tableName);
        c.notNull("key", rawKey);
        c.oneOf("conditionalOperator", conditionalOperator, "OR", "AND");
        LegacyConditions.constrain(c, "Expected", expected, false);
        ItemRequests.returnOptions(c, request);
        c.check();
        ItemRequests.checkExpressionParameters(request, List.of("Expected", "ConditionalOperator"),
                List.of("ConditionExpression"));
        LegacyConditions.checkConditionalOperator(request, expected);
        Map<String, AttributeValue> key = request.item("Key");
        String conditionText = request.string("ConditionExpression");
        ExpressionContext ctx = ItemRequests.context(request, null, true);
        ConditionExpression parsed = conditionText == null ? null
                : ConditionExpression.parse(conditionText, ctx, "ConditionExpression");
        ctx.checkAllUsed();
        String returnValues = request.string("ReturnValues");
        if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw DynamoException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        ConditionExpression condition = parsed != null ? parsed
                : LegacyConditions.expected(expected, conditionalOperator);
        boolean returnOldOnFailure = "ALL_OLD".equals(request.string("ReturnValuesOnConditionCheckFailure"));

        PutItem.Written written = storage.write(mutation -> {
            Table table = storage.itemTable(tableName);
            Keys.checkKey(table.metadata(), key);
            Map<String, AttributeValue> old = table.get(key);
            if (condition != null && !condition.test(old)) {
                throw DynamoException.conditionalCheckFailed(returnOldOnFailure ? old : null);
            }
            if (old != null) {
                mutation.delete(table, key);
            }
            return new PutItem.Written(table, old);
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        if ("ALL_OLD".equals(returnValues) && written.old() != null) {
            answer.put("Attributes", written.old());
        }
        answer.put("ConsumedCapacity", Capacity.write(request.string("ReturnConsumedCapacity"), written.table(),
                written.old(), null));
        answer.put("ItemCollectionMetrics", ItemRequests.collectionMetrics(request, written.table(),
                written.old() == null ? key : written.old()));
        return answer;
    }
}
