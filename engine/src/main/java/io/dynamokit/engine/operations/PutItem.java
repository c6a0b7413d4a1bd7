package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.ConditionExpression;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.ItemKey;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.LinkedHashMap;
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
        ConditionalWrite checked = ConditionalWrite.check(request, "Item");
        String tableName = checked.tableName();
        Map<String, AttributeValue> item = checked.payload();
        String returnValues = checked.returnValues();
        long size = Keys.checkSize(item);
        ConditionExpression condition = checked.condition();
        boolean returnOldOnFailure = checked.returnOldOnFailure();

        Written written = storage.write(mutation -> {
            Table table = storage.itemTable(tableName);
            Keys.checkItem(table.metadata(), item);
            ItemKey key = table.keySchema().keyOf(item);
            Map<String, AttributeValue> old = key == null ? null : table.get(key);
            ConditionalWrite.require(condition, old, returnOldOnFailure);
            mutation.put(table, key, item, size);
            return new Written(table, old);
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        if ("ALL_OLD".equals(returnValues) && written.old() != null) {
            answer.put("Attributes", written.old());
        }
        answer.put("ConsumedCapacity", Capacity.write(request.string("ReturnConsumedCapacity"), written.table(),
                written.old(), item, size));
        answer.put("ItemCollectionMetrics", ItemRequests.collectionMetrics(request, written.table(), item));
        return answer;
    }
}
