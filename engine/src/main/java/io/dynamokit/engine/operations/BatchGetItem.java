package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.ProjectionExpression;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.model.ItemSize;
import io.dynamokit.engine.protocol.AttributeValues;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem: up to 100 keys over any tables, each table with its own projection and read consistency. All of it
 * is validated before anything is read; the items are read under one read lock. Items are answered until the
 * answer reaches DynamoDB's 16 MB; the keys left are answered as UnprocessedKeys, to be asked again.
 */
final class BatchGetItem implements Operation {
    static final int MAX_KEYS = 100;
    static final long MAX_ANSWER_BYTES = 16L * 1024 * 1024;
    static final String NAME_CONSTRAINT = "Map keys must satisfy constraint: [Member must have length less than or "
            + "equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular "
            + "expression pattern: [a-zA-Z0-9_.-]+]";

    private final Storage storage;

    BatchGetItem(Storage storage) {
        this.storage = storage;
    }

    /** One table's part of the request, checked. */
    private record TableRead(String name, Map<String, Object> raw, List<Map<String, AttributeValue>> keys,
            ProjectionExpression projection, boolean consistent) {
    }

    @Override
    public Map<String, Object> handle(Request request) {
        Map<String, Object> requestItems = request.map("RequestItems");
        String capacityMode = request.string("ReturnConsumedCapacity");
        if (requestItems == null || requestItems.isEmpty()) {
            throw DynamoException.validation("The requestItems parameter is required for BatchGetItem");
        }
        Constraints c = new Constraints();
        if (requestItems.keySet().stream().anyMatch(name -> !validName(name))) {
            c.violation("Value '" + RequestEcho.json(requestItems) + "' at 'requestItems' failed to satisfy "
                    + "constraint: " + NAME_CONSTRAINT);
        }
        for (Map.Entry<String, Object> e : requestItems.entrySet()) {
            Map<String, Object> table = Nodes.struct(e.getValue());
            List<Object> keys = table == null ? null : Nodes.list(table.get("Keys"));
            String path = "requestItems." + e.getKey() + ".member";
            if (keys == null) {
                c.notNull(path + ".keys", null);
            } else if (keys.size() > MAX_KEYS) {
                c.violation("Value at 'RequestItems." + e.getKey() + ".member.Keys' failed to satisfy constraint: "
                        + "Member must have length less than or equal to " + MAX_KEYS);
            } else if (keys.isEmpty()) {
                c.violation("Value at 'RequestItems." + e.getKey() + ".member.Keys' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
            }
            if (table != null) {
                c.size(path + ".attributesToGet", Request.strings(Nodes.list(table.get("AttributesToGet"))), 1, 255);
            }
        }
        c.oneOf("returnConsumedCapacity", capacityMode, "INDEXES", "TOTAL", "NONE");
        c.check();

        List<TableRead> reads = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, Object> e : requestItems.entrySet()) {
            Request table = new Request(request.operation(), request.region(), Nodes.struct(e.getValue()));
            List<String> attributesToGet = table.strings("AttributesToGet");
            ItemRequests.checkNotMixed(table, List.of("AttributesToGet"), List.of("ProjectionExpression"));
            ProjectionExpression projection = GetItem.projection(table, attributesToGet);
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            for (Object node : table.list("Keys")) {
                Map<String, AttributeValue> key = AttributeValues.item(node);
                if (!seen.add(key)) {
                    throw DynamoException.validation("Provided list of item keys contains duplicates");
                }
                keys.add(key);
                if (++count > MAX_KEYS) {
                    throw DynamoException.validation("Too many items requested for the BatchGetItem call");
                }
            }
            reads.add(new TableRead(e.getKey(), table.body(), keys, projection, table.isTrue("ConsistentRead")));
        }

        return storage.read(() -> {
            List<Table> tables = new ArrayList<>();
            for (TableRead read : reads) {
                Table table = storage.itemTable(read.name());
                for (Map<String, AttributeValue> key : read.keys()) {
                    Keys.checkKey(table.metadata(), key);
                }
                tables.add(table);
            }
            return answer(reads, tables, capacityMode);
        });
    }

    private static Map<String, Object> answer(List<TableRead> reads, List<Table> tables, String capacityMode) {
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> unprocessed = new LinkedHashMap<>();
        CapacityTally capacity = CapacityTally.of(capacityMode);
        long bytes = 0;
        for (int t = 0; t < reads.size(); t++) {
            TableRead read = reads.get(t);
            Table table = tables.get(t);
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            List<Map<String, AttributeValue>> left = new ArrayList<>();
            for (Map<String, AttributeValue> key : read.keys()) {
                if (bytes >= MAX_ANSWER_BYTES) {
                    left.add(key);
                    continue;
                }
                Map<String, AttributeValue> item = table.get(key);
                capacity.read(table, item, read.consistent());
                if (item != null) {
                    Map<String, AttributeValue> projected = read.projection() == null ? item
                            : read.projection().apply(item);
                    bytes += ItemSize.of(projected);
                    items.add(projected);
                }
            }
            responses.put(read.name(), items);
            if (!left.isEmpty()) {
                Map<String, Object> again = new LinkedHashMap<>(read.raw());
                again.put("Keys", left);
                unprocessed.put(read.name(), again);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Responses", responses);
        answer.put("UnprocessedKeys", unprocessed);
        answer.put("ConsumedCapacity", capacity.answer());
        return answer;
    }

    static boolean validName(String name) {
        return name.length() >= 3 && name.length() <= 255 && Constraints.isName(name);
    }
}
