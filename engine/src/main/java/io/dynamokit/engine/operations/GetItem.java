package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.ExpressionContext;
import io.dynamokit.engine.expressions.ProjectionExpression;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GetItem: one item by its key, projected. Every read is consistent here; ConsistentRead changes the capacity. */
final class GetItem implements Operation {
    private final Storage storage;

    GetItem(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String tableName = request.string("TableName");
        Map<String, Object> rawKey = request.map("Key");
        List<String> attributesToGet = request.strings("AttributesToGet");
        boolean consistent = request.isTrue("ConsistentRead");
        Constraints c = new Constraints();
        ItemRequests.tableName(c, tableName);
        c.notNull("key", rawKey);
        c.size("attributesToGet", attributesToGet, 1, Integer.MAX_VALUE);
        c.oneOf("returnConsumedCapacity", request.string("ReturnConsumedCapacity"), "INDEXES", "TOTAL", "NONE");
        c.check();
        ItemRequests.checkExpressionParameters(request, List.of("AttributesToGet"), List.of("ProjectionExpression"));
        Map<String, AttributeValue> key = request.item("Key");
        ProjectionExpression projection = projection(request, attributesToGet);

        Table table = storage.itemTable(tableName);
        Keys.checkKey(table.metadata(), key);
        Map<String, AttributeValue> item = storage.read(() -> table.get(key));
        Map<String, Object> answer = new LinkedHashMap<>();
        if (item != null) {
            answer.put("Item", projection == null ? item : projection.apply(item));
        }
        answer.put("ConsumedCapacity", Capacity.read(request.string("ReturnConsumedCapacity"), table, item,
                consistent));
        return answer;
    }

    /** The ProjectionExpression or AttributesToGet of a read, null when it reads whole items. */
    static ProjectionExpression projection(Request request, List<String> attributesToGet) {
        String text = request.string("ProjectionExpression");
        if (text == null && request.has("ExpressionAttributeNames")) {
            throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        ExpressionContext ctx = ItemRequests.context(request, null, false);
        ProjectionExpression projection = text != null ? ProjectionExpression.parse(text, ctx)
                : LegacyUpdates.attributesToGet(attributesToGet);
        ctx.checkAllUsed();
        return projection;
    }
}
