package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.AttributeValues;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.ItemKey;
import io.dynamokit.engine.storage.KeySchema;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 puts and deletes over any tables, without conditions. Every request is validated (the
 * tables, keys, items, no two on one item) before anything is written, and all of them are written in one write,
 * so UnprocessedItems is always empty.
 */
final class BatchWriteItem implements Operation {
    static final int MAX_REQUESTS = 25;
    private static final String SCHEMA_MISMATCH = "The provided key element does not match the schema";

    private final Storage storage;

    BatchWriteItem(Storage storage) {
        this.storage = storage;
    }

    /** One checked request: an item to put and its size, or (item null) a key to delete. */
    private record Write(Map<String, AttributeValue> item, long size, Map<String, AttributeValue> key) {
    }

    /** A table's requests and their items' keys, once checked. */
    private record TableWrites(Table table, List<Write> writes, List<ItemKey> keys) {
    }

    /** What was written, for the answer. */
    private record Written(Table table, Map<String, AttributeValue> item) {
    }

    @Override
    public Map<String, Object> handle(Request request) {
        Map<String, Object> requestItems = request.map("RequestItems");
        String capacityMode = request.string("ReturnConsumedCapacity");
        if (requestItems == null || requestItems.isEmpty()) {
            throw DynamoException.validation("The requestItems parameter is required for BatchWriteItem");
        }
        new Constraints()
                .oneOf("returnConsumedCapacity", capacityMode, "INDEXES", "TOTAL", "NONE")
                .oneOf("returnItemCollectionMetrics", request.string("ReturnItemCollectionMetrics"), "SIZE", "NONE")
                .check();
        Map<String, List<Object>> lists = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : requestItems.entrySet()) {
            lists.put(e.getKey(), Nodes.list(e.getValue()));
        }
        checkMembers(requestItems, lists);

        Map<String, List<Write>> writes = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object>> e : lists.entrySet()) {
            List<Write> tableWrites = new ArrayList<>();
            for (Object node : e.getValue()) {
                tableWrites.add(write(Nodes.struct(node)));
            }
            writes.put(e.getKey(), tableWrites);
        }

        List<Written> written = new ArrayList<>();
        CapacityTally capacity = CapacityTally.of(capacityMode);
        boolean counted = Capacity.wanted(capacityMode);
        storage.write(mutation -> {
            List<TableWrites> checked = new ArrayList<>();
            for (Map.Entry<String, List<Write>> e : writes.entrySet()) {
                Table table = storage.itemTable(e.getKey());
                Set<ItemKey> seen = new HashSet<>();
                List<ItemKey> keys = new ArrayList<>(e.getValue().size());
                for (Write write : e.getValue()) {
                    ItemKey key = check(table, write);
                    if (!seen.add(key)) {
                        throw DynamoException.validation("Provided list of item keys contains duplicates");
                    }
                    keys.add(key);
                }
                checked.add(new TableWrites(table, e.getValue(), keys));
            }
            for (TableWrites tableWrites : checked) {
                Table table = tableWrites.table();
                for (int i = 0; i < tableWrites.keys().size(); i++) {
                    Write write = tableWrites.writes().get(i);
                    ItemKey key = tableWrites.keys().get(i);
                    // no two requests name one item: the table holds the item each one replaces
                    Map<String, AttributeValue> old = counted ? table.get(key) : null;
                    if (write.item() != null) {
                        mutation.put(table, key, write.item(), write.size());
                    } else {
                        mutation.delete(table, write.key());
                    }
                    if (counted) {
                        capacity.write(table, old, write.item(), write.size());
                    }
                    written.add(new Written(table, write.item() != null ? write.item() : write.key()));
                }
            }
            return null;
        });

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("UnprocessedItems", Map.of());
        answer.put("ConsumedCapacity", capacity.answer());
        if ("SIZE".equals(request.string("ReturnItemCollectionMetrics"))) {
            answer.put("ItemCollectionMetrics", storage.read(() -> collectionMetrics(request, written)));
        }
        return answer;
    }

    /** The map's keys (table names) and values (1 to 25 requests each), then the number of requests in all. */
    private static void checkMembers(Map<String, Object> requestItems, Map<String, List<Object>> lists) {
        Constraints c = new Constraints();
        if (requestItems.keySet().stream().anyMatch(name -> !BatchGetItem.validName(name))) {
            c.violation("Value '" + RequestEcho.writeRequests(requestItems) + "' at 'requestItems' failed to satisfy "
                    + "constraint: " + BatchGetItem.NAME_CONSTRAINT);
        }
        int total = 0;
        boolean badCount = false;
        for (List<Object> list : lists.values()) {
            int size = list == null ? 0 : list.size();
            badCount |= size < 1 || size > MAX_REQUESTS;
            total += size;
        }
        if (badCount) {
            c.violation("Value '" + RequestEcho.writeRequests(requestItems) + "' at 'requestItems' failed to satisfy "
                    + "constraint: Map value must satisfy constraint: [Member must have length less than or equal to "
                    + MAX_REQUESTS + ", Member must have length greater than or equal to 1]");
        }
        c.check();
        if (total > MAX_REQUESTS) {
            throw DynamoException.validation("Too many items requested for the BatchWriteItem call");
        }
    }

    private static Write write(Map<String, Object> request) {
        Map<String, Object> put = request == null ? null : Nodes.struct(request.get("PutRequest"));
        Map<String, Object> delete = request == null ? null : Nodes.struct(request.get("DeleteRequest"));
        if ((put == null) == (delete == null)) {
            throw DynamoException.validation("Supplied AttributeValue has more than one datatypes set, "
                    + "must contain exactly one of the supported datatypes");
        }
        if (put != null) {
            Map<String, AttributeValue> item = AttributeValues.item(put.get("Item"));
            if (item == null) {
                throw DynamoException.validation("1 validation error detected: Value null at "
                        + "'requestItems.member.putRequest.item' failed to satisfy constraint: Member must not be null");
            }
            return new Write(item, Keys.checkSize(item), null);
        }
        Map<String, AttributeValue> key = AttributeValues.item(delete.get("Key"));
        if (key == null) {
            throw DynamoException.validation("1 validation error detected: Value null at "
                    + "'requestItems.member.deleteRequest.key' failed to satisfy constraint: Member must not be null");
        }
        return new Write(null, 0, key);
    }

    /** Checks one request against its table as PutItem and DeleteItem would; returns the item's key. */
    private static ItemKey check(Table table, Write write) {
        KeySchema schema = table.keySchema();
        if (write.item() == null) {
            Keys.checkKey(table.metadata(), write.key());
            return schema.keyOf(write.key());
        }
        BatchKeys.checkNotEmpty(schema, write.item());
        ItemKey key = schema.keyOf(write.item());
        if (key == null) {
            throw DynamoException.validation(SCHEMA_MISMATCH);
        }
        Keys.checkItem(table.metadata(), write.item());
        return key;
    }

    private static Map<String, Object> collectionMetrics(Request request, List<Written> written) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Written write : written) {
            Map<String, Object> one = ItemRequests.collectionMetrics(request, write.table(), write.item());
            if (one != null) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) metrics.computeIfAbsent(write.table().name(),
                        name -> new ArrayList<>());
                if (!list.contains(one)) {
                    list.add(one);
                }
            }
        }
        return metrics;
    }
}
