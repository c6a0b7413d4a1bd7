package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.storage.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ConsumedCapacity of a request touching many items: the single-item figures of {@link Capacity} summed per table
 * (tables in the order first touched). A transaction costs twice the units and also names them as read or write
 * units, as DynamoDB answers transactions.
 */
final class CapacityTally {
    private static final String ALL_INDEXES = "INDEXES";

    private final String mode;
    private final double factor;
    private final String transactionalMember;
    private final Map<String, Totals> tables = new LinkedHashMap<>();

    private static final class Totals {
        double total;
        double table;
        final Map<String, Double> global = new LinkedHashMap<>();
        final Map<String, Double> local = new LinkedHashMap<>();
    }

    private CapacityTally(String mode, double factor, String transactionalMember) {
        this.mode = mode;
        this.factor = factor;
        this.transactionalMember = transactionalMember;
    }

    static CapacityTally of(String mode) {
        return new CapacityTally(mode, 1, null);
    }

    /** A transaction's tally: {@code member} is ReadCapacityUnits or WriteCapacityUnits. */
    static CapacityTally transactional(String mode, String member) {
        return new CapacityTally(mode, 2, member);
    }

    void read(Table table, Map<String, AttributeValue> item, boolean consistent) {
        add(table.name(), Capacity.read(ALL_INDEXES, table, item, consistent));
    }

    void write(Table table, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        add(table.name(), Capacity.write(ALL_INDEXES, table, oldItem, newItem));
    }

    /** The same, when the new item's size (0 for none) is known. */
    void write(Table table, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem, long newSize) {
        add(table.name(), Capacity.write(ALL_INDEXES, table, oldItem, newItem, newSize));
    }

    /** A table the request touched without consuming (so that it is still named). */
    void touch(Table table) {
        tables.computeIfAbsent(table.name(), name -> new Totals());
    }

    @SuppressWarnings("unchecked")
    private void add(String tableName, Map<String, Object> capacity) {
        Totals totals = tables.computeIfAbsent(tableName, name -> new Totals());
        totals.total += (Double) capacity.get("CapacityUnits");
        totals.table += (Double) ((Map<String, Object>) capacity.get("Table")).get("CapacityUnits");
        sum(totals.global, (Map<String, Object>) capacity.get("GlobalSecondaryIndexes"));
        sum(totals.local, (Map<String, Object>) capacity.get("LocalSecondaryIndexes"));
    }

    @SuppressWarnings("unchecked")
    private static void sum(Map<String, Double> into, Map<String, Object> indexes) {
        if (indexes != null) {
            indexes.forEach((name, units) -> into.merge(name,
                    (Double) ((Map<String, Object>) units).get("CapacityUnits"), Double::sum));
        }
    }

    /** The ConsumedCapacity list, or null when the request did not ask for it. */
    List<Map<String, Object>> answer() {
        if (!Capacity.wanted(mode)) {
            return null;
        }
        List<Map<String, Object>> answer = new ArrayList<>();
        tables.forEach((name, totals) -> {
            Map<String, Object> capacity = new LinkedHashMap<>();
            capacity.put("TableName", name);
            capacity.put("CapacityUnits", totals.total * factor);
            if (transactionalMember != null) {
                capacity.put(transactionalMember, totals.total * factor);
            }
            if (ALL_INDEXES.equals(mode)) {
                capacity.put("Table", units(totals.table));
                if (!totals.global.isEmpty()) {
                    capacity.put("GlobalSecondaryIndexes", indexes(totals.global));
                }
                if (!totals.local.isEmpty()) {
                    capacity.put("LocalSecondaryIndexes", indexes(totals.local));
                }
            }
            answer.add(capacity);
        });
        return answer;
    }

    private Map<String, Object> indexes(Map<String, Double> indexes) {
        Map<String, Object> answer = new LinkedHashMap<>();
        indexes.forEach((name, units) -> answer.put(name, units(units)));
        return answer;
    }

    private Map<String, Object> units(double units) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("CapacityUnits", units * factor);
        if (transactionalMember != null) {
            answer.put(transactionalMember, units * factor);
        }
        return answer;
    }
}
