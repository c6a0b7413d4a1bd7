package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** A table's or index's key: partition key name and type (S, N or B), optional sort key name and type. */
public record KeySchema(String hashName, String hashType, String rangeName, String rangeType) {

    public boolean hasRange() {
        return rangeName != null;
    }

    public boolean isKeyAttribute(String name) {
        return name.equals(hashName) || name.equals(rangeName);
    }

    /** The item's key, or null when it lacks a key attribute or has one of another type (not in a sparse index). */
    public ItemKey keyOf(Map<String, AttributeValue> item) {
        AttributeValue hash = item.get(hashName);
        if (hash == null || !hash.type().equals(hashType)) {
            return null;
        }
        AttributeValue range = null;
        if (rangeName != null) {
            range = item.get(rangeName);
            if (range == null || !range.type().equals(rangeType)) {
                return null;
            }
        }
        return ItemKey.of(hash, range);
    }

    /** Only the key attributes of an item, partition key first. */
    public Map<String, AttributeValue> keyAttributes(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(hashName, item.get(hashName));
        if (rangeName != null) {
            key.put(rangeName, item.get(rangeName));
        }
        return key;
    }
}
