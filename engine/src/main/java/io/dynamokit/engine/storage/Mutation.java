package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The changes of one write, collected while the write lock is held and applied together when it commits (after the
 * {@link CommitListener}s accepted them). Reads during the mutation see the state before it: validate everything
 * first (conditions, sizes), then record the changes; nothing is applied if the writer throws.
 */
public final class Mutation {
    private final List<Change> changes = new ArrayList<>();

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
    }

    /** Writes a whole item (it replaces any item with its key). The map must not be changed afterwards. */
    public void put(Table table, Map<String, AttributeValue> item) {
        changes.add(new Change.ItemPut(table.name(), Collections.unmodifiableMap(item)));
    }

    /** Removes the item with this key (key attributes only), if any. */
    public void delete(Table table, Map<String, AttributeValue> key) {
        changes.add(new Change.ItemDeleted(table.name(), table.keySchema().keyAttributes(key)));
    }

    public List<Change> changes() {
        return Collections.unmodifiableList(changes);
    }
}
