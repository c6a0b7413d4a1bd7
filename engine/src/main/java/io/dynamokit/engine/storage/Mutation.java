package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The changes of one write, collected while the write lock is held and applied together when it commits (after the
 * {@link CommitListener}s accepted them). Reads during the mutation see the state before it: validate everything
 * first (conditions, sizes), then record the changes; nothing is applied if the writer throws.
 * <p>
 * Each item change carries the item it replaces or removes, as this mutation's earlier changes leave it, so that a
 * listener (the streams) sees every change with its true previous item even when one write touches a key twice.
 */
public final class Mutation {
    /** Stands for "deleted earlier in this mutation" among the pending items. */
    private static final Map<String, AttributeValue> ABSENT = Collections.unmodifiableMap(new HashMap<>());

    private final List<Change> changes = new ArrayList<>();
    private final Map<String, Map<ItemKey, Map<String, AttributeValue>>> pending = new HashMap<>();
    /** The table of the last item change and its pending items: a batch changes one table's items in a row. */
    private String lastTable;
    private Map<ItemKey, Map<String, AttributeValue>> lastPending;

    Mutation() {
    }

    public void createTable(TableMetadata metadata) {
        changes.add(new Change.TableCreated(metadata));
    }

    /** Installs new metadata; indexes that appear are back-filled from the table's items, removed ones dropped. */
    public void updateTable(TableMetadata metadata) {
        changes.add(new Change.TableUpdated(metadata));
    }

    public void deleteTable(String name) {
        changes.add(new Change.TableDeleted(name));
        pending.remove(name);
        lastTable = null;
        lastPending = null;
    }

    /** Writes a whole item (it replaces any item with its key). The map must not be changed afterwards. */
    public void put(Table table, Map<String, AttributeValue> item) {
        put(table, table.keySchema().keyOf(item), item, -1);
    }

    /**
     * Writes a whole item whose key in the table ({@link KeySchema#keyOf}) the writer already has, and its size as
     * DynamoDB counts it ({@link io.dynamokit.engine.model.ItemSize#of}; -1 when not worked out). The map must not be
     * changed afterwards.
     */
    public void put(Table table, ItemKey key, Map<String, AttributeValue> item, long size) {
        Map<String, AttributeValue> written = StoredItem.of(item);
        if (key == null) {
            // applying it refuses an item without its table's key
            changes.add(Change.ItemPut.replacing(table, written, null, size));
            return;
        }
        Map<String, AttributeValue> before = pendingItems(table).put(key, written);
        if (before == null) {
            changes.add(Change.ItemPut.replacing(table, written, key, size));
        } else {
            changes.add(Change.ItemPut.after(table, written, key, size, before == ABSENT ? null : before));
        }
    }

    /** Removes the item with this key (key attributes only), if any. */
    public void delete(Table table, Map<String, AttributeValue> key) {
        delete(table, key, false);
    }

    /** Removes an item whose time to live has passed: the service's deletion, not a user's. */
    public void deleteExpired(Table table, Map<String, AttributeValue> key) {
        delete(table, key, true);
    }

    private void delete(Table table, Map<String, AttributeValue> key, boolean expired) {
        Map<String, AttributeValue> keyAttributes = table.keySchema().keyAttributes(key);
        ItemKey itemKey = table.keySchema().keyOf(key);
        if (itemKey == null) {
            changes.add(new Change.ItemDeleted(table.name(), keyAttributes, null, expired));
            return;
        }
        Map<String, AttributeValue> before = pendingItems(table).put(itemKey, ABSENT);
        if (before == null) {
            changes.add(Change.ItemDeleted.removing(table, keyAttributes, expired, itemKey));
        } else {
            changes.add(Change.ItemDeleted.after(table, keyAttributes, expired, itemKey,
                    before == ABSENT ? null : before));
        }
    }

    /** The items this mutation has written or deleted (ABSENT) so far in a table, by key. */
    private Map<ItemKey, Map<String, AttributeValue>> pendingItems(Table table) {
        String name = table.name();
        if (!name.equals(lastTable)) {
            // ItemKey orders keys (binary ones by content) but its equality is not defined for binary values: a sorted
            // map.
            lastPending = pending.computeIfAbsent(name, t -> new TreeMap<>());
            lastTable = name;
        }
        return lastPending;
    }

    public List<Change> changes() {
        return Collections.unmodifiableList(changes);
    }
}
