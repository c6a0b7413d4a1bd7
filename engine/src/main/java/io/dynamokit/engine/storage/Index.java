package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.ItemSize;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The entries of one secondary index: the projected item under (index key, table key), ordered like a table so that
 * a Query is a sub-map and a Scan an iteration. Sparse: an item without the index's key attributes is not in it.
 * Changed only by its {@link Table} under the storage write lock.
 */
public final class Index {
    private final KeySchema tableKeys;
    private volatile IndexDefinition definition;
    private final ConcurrentSkipListMap<IndexKey, Map<String, AttributeValue>> entries = new ConcurrentSkipListMap<>();
    private volatile long sizeBytes;

    Index(KeySchema tableKeys, IndexDefinition definition) {
        this.tableKeys = tableKeys;
        this.definition = definition;
    }

    public IndexDefinition definition() {
        return definition;
    }

    void definition(IndexDefinition definition) {
        this.definition = definition;
    }

    /** Entries in index order (read them under the storage read lock). */
    public ConcurrentSkipListMap<IndexKey, Map<String, AttributeValue>> entries() {
        return entries;
    }

    public long itemCount() {
        return entries.size();
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** The entry key of an item in this index, or null when the item is not in it. */
    public IndexKey keyOf(Map<String, AttributeValue> item) {
        ItemKey indexKey = definition.keySchema().keyOf(item);
        if (indexKey == null) {
            return null;
        }
        return new IndexKey(indexKey, tableKeys.keyOf(item));
    }

    /** Whether an item has this index's key attributes (and so is written to it). */
    public boolean contains(Map<String, AttributeValue> item) {
        return item != null && definition.keySchema().keyOf(item) != null;
    }

    void replace(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        if (oldItem != null) {
            IndexKey oldKey = keyOf(oldItem);
            if (oldKey != null) {
                Map<String, AttributeValue> removed = entries.remove(oldKey);
                if (removed != null) {
                    sizeBytes -= ItemSize.of(removed);
                }
            }
        }
        if (newItem != null) {
            IndexKey newKey = keyOf(newItem);
            if (newKey != null) {
                Map<String, AttributeValue> projected = definition.projection().project(newItem, tableKeys,
                        definition.keySchema());
                entries.put(newKey, projected);
                sizeBytes += ItemSize.of(projected);
            }
        }
    }
}
