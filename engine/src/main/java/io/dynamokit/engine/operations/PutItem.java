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

/** PutItem: replaces the item with its key when the condition holds. */
final class PutItem implements Operation {
    /** The table written and the item the write replaced (null when there was none). */
    record Written(Table table, Map<String, AttributeValue> old) {
    }

    private final Storage storage;

    PutItem(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String tableName = request.string("TableName");
        Map<String, Object> rawItem = request.map("Item");
        String conditionalOperator = request.string("ConditionalOperator");
        List<LegacyConditions.Entry> expected = LegacyConditions.read(request, "Expected");
        Constraints c = new Constraints();
        ItemRequests.tableName(c, tableName);
        c.notNull("item", rawItem);
        c.oneOf("conditionalOperator", conditionalOperator, "OR", "AND");
        LegacyConditions.constrain(c, "Expected", expected, false);
        ItemRequests.returnOptions(c, request);
        c.check();
        ItemRequests.checkExpressionParameters(request, List.of("Expected", "ConditionalOperator"),
                List.of("ConditionExpression"));
        LegacyConditions.checkConditionalOperator(request, expected);
        Map<String, AttributeValue> item = request.item("Item");
        String conditionText = request.string("ConditionExpression");
        ExpressionContext ctx = ItemRequests.context(request, null, true);
        ConditionExpression parsed = conditionText == null ? null
                : ConditionExpression.parse(conditionText, ctx, "ConditionExpression");
        ctx.checkAllUsed();
        String returnValues = request.string("ReturnValues");
        if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw DynamoException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        Keys.checkSize(item);
        ConditionExpression condition = parsed != null ? parsed
                : LegacyConditions.expected(expected, conditionalOperator);
        boolean returnOldOnFailure = "ALL_OLD".equals(request.string("ReturnValuesOnConditionCheckFailure"));

        Written written = storage.write(mutation -> {
            Table table = storage.itemTable(tableName);
            Keys.checkItem(table.metadata(), item);
            Map<String, AttributeValue> old = table.get(item);
            if (condition != null && !condition.test(old)) {
                throw DynamoException.conditionalCheckFailed(returnOldOnFailure ? old : null);
            }
            mutation.put(table, item);
            return new Written(table, old);
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        if ("ALL_OLD".equals(returnValues) && written.old() != null) {
            answer.put("Attributes", written.old());
        }
        answer.put("ConsumedCapacity", Capacity.write(request.string("ReturnConsumedCapacity"), written.table(),
                written.old(), item));
        answer.put("ItemCollectionMetrics", ItemRequests.collectionMetrics(request, written.table(), item));
        return answer;
    }
}
