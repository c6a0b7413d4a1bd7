package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.AttributePath;
import io.dynamokit.engine.expressions.ConditionExpression;
import io.dynamokit.engine.expressions.ExpressionContext;
import io.dynamokit.engine.expressions.LegacyTrees;
import io.dynamokit.engine.expressions.ProjectionExpression;
import io.dynamokit.engine.expressions.UpdateExpression;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.model.ItemSize;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateItem: applies the UpdateExpression to the item with the key (or to a new item holding only the key) when
 * the condition holds; without an UpdateExpression it creates the key-only item if there is none.
 */
final class UpdateItem implements Operation {
    private final Storage storage;

    UpdateItem(Storage storage) {
        this.storage = storage;
    }

    private record Updated(Table table, Map<String, AttributeValue> old, Map<String, AttributeValue> item) {
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String tableName = request.string("TableName");
        Map<String, Object> rawKey = request.map("Key");
        String conditionalOperator = request.string("ConditionalOperator");
        List<LegacyConditions.Entry> expected = LegacyConditions.read(request, "Expected");
        List<LegacyUpdates.Entry> attributeUpdates = LegacyUpdates.read(request);
        Constraints c = new Constraints();
        ItemRequests.tableName(c, tableName);
        c.notNull("key", rawKey);
        c.oneOf("conditionalOperator", conditionalOperator, "OR", "AND");
        LegacyConditions.constrain(c, "Expected", expected, false);
        LegacyUpdates.constrain(c, attributeUpdates);
        ItemRequests.returnOptions(c, request);
        c.check();
        ItemRequests.checkExpressionParameters(request, List.of("AttributeUpdates", "Expected", "ConditionalOperator"),
                List.of("UpdateExpression", "ConditionExpression"));
        LegacyConditions.checkConditionalOperator(request, expected);
        Map<String, AttributeValue> key = request.item("Key");
        String updateText = request.string("UpdateExpression");
        String conditionText = request.string("ConditionExpression");
        UpdateExpression legacyUpdate = LegacyUpdates.update(attributeUpdates);
        ConditionExpression legacyCondition = LegacyConditions.expected(expected, conditionalOperator);
        ExpressionContext ctx = ItemRequests.context(request, null, true);
        UpdateExpression update = updateText == null ? legacyUpdate : UpdateExpression.parse(updateText, ctx);
        ConditionExpression condition = conditionText == null ? legacyCondition
                : ConditionExpression.parse(conditionText, ctx, "ConditionExpression");
        ctx.checkAllUsed();
        boolean legacy = legacyUpdate != null;
        String returnValues = request.string("ReturnValues");
        boolean returnOldOnFailure = "ALL_OLD".equals(request.string("ReturnValuesOnConditionCheckFailure"));

        Updated updated = storage.write(mutation -> {
            Table table = storage.itemTable(tableName);
            Keys.checkKey(table.metadata(), key);
            if (update != null) {
                for (String attribute : update.topLevelAttributes()) {
                    if (table.keySchema().isKeyAttribute(attribute)) {
                        throw DynamoException.validation("One or more parameter values were invalid: Cannot update "
                                + "attribute " + attribute + ". This attribute is part of the key");
                    }
                }
            }
            Map<String, AttributeValue> old = table.get(key);
            if (condition != null && !condition.test(old)) {
                throw DynamoException.conditionalCheckFailed(returnOldOnFailure ? old : null);
            }
            Map<String, AttributeValue> base = old != null ? old : key;
            Map<String, AttributeValue> item = update == null ? new LinkedHashMap<>(base)
                    : legacy ? LegacyTrees.apply(update, base) : update.apply(base);
            Keys.checkIndexKeys(table.metadata(), item);
            if (ItemSize.tooLarge(item)) {
                throw DynamoException.validation("Item size to update has exceeded the maximum allowed size");
            }
            mutation.put(table, item);
            return new Updated(table, old, item);
        });

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Attributes", returned(returnValues, update, updated.old(), updated.item()));
        answer.put("ConsumedCapacity", Capacity.write(request.string("ReturnConsumedCapacity"), updated.table(),
                updated.old(), updated.item()));
        answer.put("ItemCollectionMetrics", ItemRequests.collectionMetrics(request, updated.table(), updated.item()));
        return answer;
    }

    private static Map<String, AttributeValue> returned(String returnValues, UpdateExpression update,
            Map<String, AttributeValue> old, Map<String, AttributeValue> item) {
        if (returnValues == null || returnValues.equals("NONE")) {
            return null;
        }
        Map<String, AttributeValue> result;
        switch (returnValues) {
            case "ALL_OLD" -> result = old;
            case "ALL_NEW" -> result = item;
            case "UPDATED_OLD" -> result = old == null || update == null ? null : updatedPart(update.paths(), old);
            case "UPDATED_NEW" -> result = update == null ? null : updatedPart(update.paths(), item);
            default -> result = null;
        }
        return result == null || result.isEmpty() ? null : result;
    }

    private static Map<String, AttributeValue> updatedPart(List<AttributePath> paths, Map<String, AttributeValue> item) {
        return ProjectionExpression.of(paths).apply(item);
    }
}
