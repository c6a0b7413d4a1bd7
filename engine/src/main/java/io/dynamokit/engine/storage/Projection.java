package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An index's projection: KEYS_ONLY, INCLUDE (with its non-key attributes) or ALL. */
public record Projection(String type, List<String> nonKeyAttributes) {

    public Projection {
        nonKeyAttributes = nonKeyAttributes == null ? null : List.copyOf(nonKeyAttributes);
    }

    public boolean all() {
        return "ALL".equals(type);
    }

    /** The part of an item an index keeps: its keys, the table's keys and the projected attributes. */
    public Map<String, AttributeValue> project(Map<String, AttributeValue> item, KeySchema table, KeySchema index) {
        if (all()) {
            return item;
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        copy(item, projected, table.hashName());
        copy(item, projected, table.rangeName());
        copy(item, projected, index.hashName());
        copy(item, projected, index.rangeName());
        if (nonKeyAttributes != null) {
            for (String name : nonKeyAttributes) {
                copy(item, projected, name);
            }
        }
        return StoredItem.of(projected);
    }

    private static void copy(Map<String, AttributeValue> from, Map<String, AttributeValue> to, String name) {
        if (name != null) {
            AttributeValue value = from.get(name);
            if (value != null) {
                to.put(name, value);
            }
        }
    }
}
