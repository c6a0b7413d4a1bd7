package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.model.ItemSize;
import io.dynamokit.engine.storage.IndexDefinition;
import io.dynamokit.engine.storage.KeySchema;
import io.dynamokit.engine.storage.TableMetadata;
import java.util.List;
import java.util.Map;

/** Checks of keys and items against a table's schema, with DynamoDB's messages. */
final class Keys {
    static final String INVALID = "One or more parameter values were invalid: ";
    private static final int MAX_HASH_KEY = 2048;
    private static final int MAX_RANGE_KEY = 1024;

    private Keys() {
    }

    /** A Key parameter: exactly the table's key attributes, of their types, within DynamoDB's limits. */
    static void checkKey(TableMetadata table, Map<String, AttributeValue> key) {
        KeySchema schema = table.keySchema();
        int expected = schema.hasRange() ? 2 : 1;
        AttributeValue hash = key.get(schema.hashName());
        AttributeValue range = schema.hasRange() ? key.get(schema.rangeName()) : null;
        if (key.size() != expected || hash == null || (schema.hasRange() && range == null)
                || !hash.type().equals(schema.hashType())
                || (range != null && !range.type().equals(schema.rangeType()))) {
            throw DynamoException.validation("The provided key element does not match the schema");
        }
        checkKeyValue(schema.hashName(), hash, true);
        if (range != null) {
            checkKeyValue(schema.rangeName(), range, false);
        }
    }

    /** An item to write: its key attributes present and typed, index keys typed, sizes within limits. */
    static void checkItem(TableMetadata table, Map<String, AttributeValue> item) {
        KeySchema schema = table.keySchema();
        checkItemKey(item, schema.hashName(), schema.hashType());
        if (schema.hasRange()) {
            checkItemKey(item, schema.rangeName(), schema.rangeType());
        }
        checkKeyValue(schema.hashName(), item.get(schema.hashName()), true);
        if (schema.hasRange()) {
            checkKeyValue(schema.rangeName(), item.get(schema.rangeName()), false);
        }
        checkIndexKeys(table, item);
    }

    private static void checkItemKey(Map<String, AttributeValue> item, String name, String type) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw DynamoException.validation(INVALID + "Missing the key " + name + " in the item");
        }
        if (!value.type().equals(type)) {
            throw DynamoException.validation(INVALID + "Type mismatch for key " + name + " expected: " + type
                    + " actual: " + value.type());
        }
    }

    /** Values of index key attributes must have the index's types and not be empty. */
    static void checkIndexKeys(TableMetadata table, Map<String, AttributeValue> item) {
        checkIndexKeys(table.localIndexes(), item);
        checkIndexKeys(table.globalIndexes(), item);
    }

    private static void checkIndexKeys(List<IndexDefinition> indexes, Map<String, AttributeValue> item) {
        for (IndexDefinition index : indexes) {
            KeySchema keys = index.keySchema();
            checkIndexKey(index, item, keys.hashName(), keys.hashType());
            if (keys.hasRange()) {
                checkIndexKey(index, item, keys.rangeName(), keys.rangeType());
            }
        }
    }

    private static void checkIndexKey(IndexDefinition index, Map<String, AttributeValue> item, String name,
            String type) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return;
        }
        if (!value.type().equals(type)) {
            throw DynamoException.validation(INVALID + "Type mismatch for Index Key " + name + " Expected: " + type
                    + " Actual: " + value.type() + " IndexName: " + index.name());
        }
        if (isEmpty(value)) {
            throw DynamoException.validation("One or more parameter values are not valid. A value specified for a "
                    + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain an "
                    + "empty " + (value instanceof AttributeValue.S ? "string" : "binary") + " value. IndexName: "
                    + index.name() + ", IndexKey: " + name);
        }
    }

    private static void checkKeyValue(String name, AttributeValue value, boolean hash) {
        if (isEmpty(value)) {
            throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a "
                    + "key attribute cannot contain an empty " + (value instanceof AttributeValue.S ? "string" : "binary")
                    + " value. Key: " + name);
        }
        long size = ItemSize.of(value);
        if (hash && size > MAX_HASH_KEY) {
            throw DynamoException.validation(INVALID + "Size of hashkey has exceeded the maximum size limit of"
                    + MAX_HASH_KEY + " bytes");
        }
        if (!hash && size > MAX_RANGE_KEY) {
            throw DynamoException.validation(INVALID + "Aggregated size of all range keys has exceeded the size "
                    + "limit of " + MAX_RANGE_KEY + " bytes");
        }
    }

    private static boolean isEmpty(AttributeValue value) {
        return (value instanceof AttributeValue.S s && s.value().isEmpty())
                || (value instanceof AttributeValue.B b && b.bytes().length == 0);
    }

    /** Refuses an item over DynamoDB's size limit; returns its size, for the write to carry along. */
    static long checkSize(Map<String, AttributeValue> item) {
        long size = ItemSize.of(item);
        if (size > ItemSize.MAX_ITEM_SIZE) {
            throw DynamoException.validation("Item size has exceeded the maximum allowed size");
        }
        return size;
    }
}
