package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.ProjectionExpression;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TransactGetItems: up to 100 items read together under one read lock, so that no transaction is seen half
 * applied. Expressions are checked before any table is looked up; a key that does not match its table's schema
 * cancels the read with a ValidationError reason for that action.
 */
final class TransactGetItems implements Operation {
    static final int MAX_ACTIONS = 100;

    private final Storage storage;

    TransactGetItems(Storage storage) {
        this.storage = storage;
    }

    private record Get(String tableName, Map<String, AttributeValue> key, ProjectionExpression projection) {
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String capacityMode = request.string("ReturnConsumedCapacity");
        List<Object> items = request.list("TransactItems");
        Constraints c = new Constraints();
        c.oneOf("returnConsumedCapacity", capacityMode, "INDEXES", "TOTAL", "NONE");
        Transactions.checkActions(c, items, "TransactGetItem", List.of("Get"), MAX_ACTIONS);
        if (items != null && items.size() <= MAX_ACTIONS) {
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> item = Nodes.struct(items.get(i));
                Map<String, Object> get = item == null ? null : Nodes.struct(item.get("Get"));
                String path = "transactItems." + (i + 1) + ".member.get";
                c.notNull(path, get);
                if (get != null) {
                    Transactions.checkTarget(c, path, get, "Key");
                }
            }
        }
        c.check();

        List<Get> gets = new ArrayList<>();
        for (Object node : items) {
            Request get = new Request(request.operation(), request.region(), Nodes.struct(Nodes.struct(node).get("Get")));
            ItemRequests.checkNotMixed(get, List.of("AttributesToGet"), List.of("ProjectionExpression"));
            ProjectionExpression projection = GetItem.projection(get, null);
            gets.add(new Get(get.string("TableName"), get.item("Key"), projection));
        }

        return storage.read(() -> {
            List<Table> tables = new ArrayList<>();
            for (Get get : gets) {
                tables.add(storage.itemTable(get.tableName()));
            }
            Transactions.Targets targets = new Transactions.Targets();
            for (int i = 0; i < gets.size(); i++) {
                BatchKeys.checkNotEmpty(tables.get(i).keySchema(), gets.get(i).key());
                targets.add(tables.get(i), gets.get(i).key());
            }
            List<DynamoException.CancellationReason> reasons = new ArrayList<>();
            boolean cancelled = false;
            for (int i = 0; i < gets.size(); i++) {
                try {
                    Keys.checkKey(tables.get(i).metadata(), gets.get(i).key());
                    reasons.add(Transactions.NONE);
                } catch (DynamoException invalid) {
                    reasons.add(Transactions.validationError(invalid));
                    cancelled = true;
                }
            }
            if (cancelled) {
                throw Transactions.cancelled(reasons);
            }
            List<Map<String, Object>> responses = new ArrayList<>();
            CapacityTally capacity = CapacityTally.transactional(capacityMode, "ReadCapacityUnits");
            for (int i = 0; i < gets.size(); i++) {
                Get get = gets.get(i);
                Map<String, AttributeValue> item = tables.get(i).get(get.key());
                capacity.read(tables.get(i), item, true);
                Map<String, Object> response = new LinkedHashMap<>();
                if (item != null) {
                    response.put("Item", get.projection() == null ? item : get.projection().apply(item));
                }
                responses.add(response);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ConsumedCapacity", capacity.answer());
            answer.put("Responses", responses);
            return answer;
        });
    }
}
