package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.ItemSize;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A table's metadata, items and indexes. Items (immutable maps) are kept in ONE ordered map by {@link ItemKey}: a
 * partition is a sub-map ({@link #partition}), a Scan a continued iteration, a parallel scan segment a token range
 * ({@link #segment}). Reads go through the storage read lock; changes only through a {@link Mutation}.
 */
public final class Table {
    private volatile TableMetadata metadata;
    private final ConcurrentSkipListMap<ItemKey, Map<String, AttributeValue>> items = new ConcurrentSkipListMap<>();
    private final Map<String, Index> indexes = new LinkedHashMap<>();
    /** The indexes' values as of the last change of the indexes, read without the lock by every item change. */
    private volatile List<Index> indexList;
    private volatile long sizeBytes;
    private volatile java.time.Instant goneAt;

    Table(TableMetadata metadata) {
        this.metadata = metadata;
        for (IndexDefinition definition : metadata.localIndexes()) {
            indexes.put(definition.name(), new Index(metadata.keySchema(), definition));
        }
        for (IndexDefinition definition : metadata.globalIndexes()) {
            indexes.put(definition.name(), new Index(metadata.keySchema(), definition));
        }
        indexList = List.copyOf(indexes.values());
    }

    public TableMetadata metadata() {
        return metadata;
    }

    public String name() {
        return metadata.name();
    }

    public KeySchema keySchema() {
        return metadata.keySchema();
    }

    /** The item with this key (built with {@link KeySchema#keyOf}), or null. */
    public Map<String, AttributeValue> get(ItemKey key) {
        return items.get(key);
    }

    public Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        ItemKey itemKey = metadata.keySchema().keyOf(key);
        return itemKey == null ? null : items.get(itemKey);
    }

    /** Every item in Scan order. */
    public ConcurrentSkipListMap<ItemKey, Map<String, AttributeValue>> items() {
        return items;
    }

    /** The items of one partition in sort key order. */
    public NavigableMap<ItemKey, Map<String, AttributeValue>> partition(AttributeValue hash) {
        return items.subMap(ItemKey.partitionStart(hash), true, ItemKey.partitionEnd(hash), true);
    }

    /** The items of parallel scan segment {@code segment} of {@code total}. */
    public NavigableMap<ItemKey, Map<String, AttributeValue>> segment(int segment, int total) {
        ItemKey from = ItemKey.tokenStart(ItemKey.segmentStart(segment, total));
        if (segment == total - 1) {
            return items.tailMap(from, true);
        }
        return items.subMap(from, true, ItemKey.tokenStart(ItemKey.segmentStart(segment + 1, total)), false);
    }

    public Index index(String name) {
        synchronized (indexes) {
            return indexes.get(name);
        }
    }

    /** The table's indexes (an unmodifiable list). */
    public List<Index> indexes() {
        return indexList;
    }

    public long itemCount() {
        return items.size();
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** When a deleted table disappears (it shows DELETING until then); null while it is not deleted. */
    public java.time.Instant goneAt() {
        return goneAt;
    }

    void goneAt(java.time.Instant goneAt) {
        this.goneAt = goneAt;
    }

    // ---- changes, applied by Storage under the write lock ----

    Map<String, AttributeValue> applyPut(Change.ItemPut put) {
        // items replayed from the journal arrive as plain maps, without their key or size
        Map<String, AttributeValue> item = StoredItem.of(put.item());
        ItemKey key = put.key();
        if (key == null) {
            key = metadata.keySchema().keyOf(item);
            if (key == null) {
                throw new IllegalArgumentException("item without its table's key: " + item.keySet());
            }
        }
        // A new key, allocated just before the map allocates the node that holds it: next to it in memory, so that
        // the comparisons of later puts and gets, which read a node and then its key, miss the cache once, not twice.
        ItemKey stored = new ItemKey(key.token(), key.hash(), key.range(), key.edge());
        Map<String, AttributeValue> old = items.put(stored, item);
        put.replaced(old);
        long size = put.size() >= 0 ? put.size() : ItemSize.of(item);
        sizeBytes += size - (old == null ? 0 : ItemSize.of(old));
        for (Index index : indexList) {
            index.replace(old, item);
        }
        return old;
    }

    Map<String, AttributeValue> applyDelete(ItemKey key) {
        Map<String, AttributeValue> old = items.remove(key);
        if (old != null) {
            sizeBytes -= ItemSize.of(old);
            for (Index index : indexList) {
                index.replace(old, null);
            }
        }
        return old;
    }

    void applyMetadata(TableMetadata updated) {
        this.metadata = updated;
        List<IndexDefinition> definitions = new ArrayList<>(updated.localIndexes());
        definitions.addAll(updated.globalIndexes());
        synchronized (indexes) {
            indexes.keySet().removeIf(name -> definitions.stream().noneMatch(d -> d.name().equals(name)));
            for (IndexDefinition definition : definitions) {
                Index existing = indexes.get(definition.name());
                if (existing != null) {
                    existing.definition(definition);
                } else {
                    Index created = new Index(updated.keySchema(), definition);
                    backfill(created, items.values());
                    indexes.put(definition.name(), created);
                }
            }
            indexList = List.copyOf(indexes.values());
        }
    }

    private static void backfill(Index index, Collection<Map<String, AttributeValue>> items) {
        for (Map<String, AttributeValue> item : items) {
            index.replace(null, item);
        }
    }
}
