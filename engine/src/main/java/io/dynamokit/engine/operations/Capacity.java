package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.ItemSize;
import io.dynamokit.engine.storage.Index;
import io.dynamokit.engine.storage.IndexKey;
import io.dynamokit.engine.storage.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ConsumedCapacity as DynamoDB computes it from item sizes: a read is one unit per 4 KB (half for an eventually
 * consistent read), a write one unit per 1 KB of the larger of the old and new item, at least one unit; with INDEXES
 * each index an item enters, leaves or changes in adds its own write units.
 */
final class Capacity {
    private Capacity() {
    }

    static double readUnits(Map<String, AttributeValue> item, boolean consistent) {
        long size = item == null ? 0 : ItemSize.of(item);
        double units = Math.max(1, Math.ceil(size / 4096.0));
        return consistent ? units : units / 2;
    }

    static double writeUnits(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        return writeUnits(oldItem, newItem == null ? 0 : ItemSize.of(newItem));
    }

    /** The write units of replacing {@code oldItem} by an item of {@code newSize} bytes (0 for none). */
    private static double writeUnits(Map<String, AttributeValue> oldItem, long newSize) {
        long size = Math.max(oldItem == null ? 0 : ItemSize.of(oldItem), newSize);
        return Math.max(1, Math.ceil(size / 1024.0));
    }

    /** The ConsumedCapacity member for a read, or null when the request did not ask for it. */
    static Map<String, Object> read(String mode, Table table, Map<String, AttributeValue> item, boolean consistent) {
        if (!wanted(mode)) {
            return null;
        }
        double units = readUnits(item, consistent);
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("TableName", table.name());
        capacity.put("CapacityUnits", units);
        if ("INDEXES".equals(mode)) {
            capacity.put("Table", Map.of("CapacityUnits", units));
        }
        return capacity;
    }

    /** The ConsumedCapacity member for a single-item write, or null when the request did not ask for it. */
    static Map<String, Object> write(String mode, Table table, Map<String, AttributeValue> oldItem,
            Map<String, AttributeValue> newItem) {
        if (!wanted(mode)) {
            return null;
        }
        return write(mode, table, oldItem, newItem, newItem == null ? 0 : ItemSize.of(newItem));
    }

    /** The same, when the new item's size ({@link ItemSize#of}, 0 for none) is known. */
    static Map<String, Object> write(String mode, Table table, Map<String, AttributeValue> oldItem,
            Map<String, AttributeValue> newItem, long newSize) {
        if (!wanted(mode)) {
            return null;
        }
        double tableUnits = writeUnits(oldItem, newSize);
        double total = tableUnits;
        Map<String, Object> global = new LinkedHashMap<>();
        Map<String, Object> local = new LinkedHashMap<>();
        for (Index index : table.indexes()) {
            double units = indexUnits(index, table, oldItem, newItem);
            if (units > 0) {
                total += units;
                (index.definition().global() ? global : local).put(index.definition().name(),
                        Map.of("CapacityUnits", units));
            }
        }
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("TableName", table.name());
        capacity.put("CapacityUnits", total);
        if ("INDEXES".equals(mode)) {
            capacity.put("Table", Map.of("CapacityUnits", tableUnits));
            if (!global.isEmpty()) {
                capacity.put("GlobalSecondaryIndexes", global);
            }
            if (!local.isEmpty()) {
                capacity.put("LocalSecondaryIndexes", local);
            }
        }
        return capacity;
    }

    private static double indexUnits(Index index, Table table, Map<String, AttributeValue> oldItem,
            Map<String, AttributeValue> newItem) {
        IndexKey oldKey = oldItem == null ? null : index.keyOf(oldItem);
        IndexKey newKey = newItem == null ? null : index.keyOf(newItem);
        Map<String, AttributeValue> oldEntry = oldKey == null ? null : project(index, table, oldItem);
        Map<String, AttributeValue> newEntry = newKey == null ? null : project(index, table, newItem);
        if (oldEntry == null && newEntry == null) {
            return 0;
        }
        if (oldEntry != null && newEntry != null) {
            if (oldKey.equals(newKey) || oldKey.compareTo(newKey) == 0) {
                return oldEntry.equals(newEntry) ? 0 : writeUnits(oldEntry, newEntry);
            }
            return writeUnits(oldEntry, null) + writeUnits(null, newEntry);
        }
        return writeUnits(oldEntry, newEntry);
    }

    private static Map<String, AttributeValue> project(Index index, Table table, Map<String, AttributeValue> item) {
        return index.definition().projection().project(item, table.keySchema(), index.definition().keySchema());
    }

    static boolean wanted(String mode) {
        return "TOTAL".equals(mode) || "INDEXES".equals(mode);
    }
}
