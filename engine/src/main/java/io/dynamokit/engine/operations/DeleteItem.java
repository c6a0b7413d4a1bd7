package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.ConditionExpression;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** DeleteItem: removes the item with the key when the condition holds (deleting no item is no error). */
final class DeleteItem implements Operation {
    private final Storage storage;

    DeleteItem(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        ConditionalWrite checked = ConditionalWrite.check(request, "Key");
        String tableName = checked.tableName();
        Map<String, AttributeValue> key = checked.payload();
        String returnValues = checked.returnValues();
        ConditionExpression condition = checked.condition();
        boolean returnOldOnFailure = checked.returnOldOnFailure();

        PutItem.Written written = storage.write(mutation -> {
            Table table = storage.itemTable(tableName);
            Keys.checkKey(table.metadata(), key);
            Map<String, AttributeValue> old = table.get(key);
            ConditionalWrite.require(condition, old, returnOldOnFailure);
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
