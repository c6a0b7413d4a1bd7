package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import java.util.Map;

/** One change of a committed {@link Mutation}, as a {@link CommitListener} (the durability journal) sees it. */
public sealed interface Change {

    /** The table's name. */
    String table();

    record TableCreated(TableMetadata metadata) implements Change {
        public String table() {
            return metadata.name();
        }
    }

    /** New metadata for an existing table (throughput, billing, indexes added or removed, streams, settings). */
    record TableUpdated(TableMetadata metadata) implements Change {
        public String table() {
            return metadata.name();
        }
    }

    /** The table and all its items are gone (DescribeTable may still show it DELETING for a while). */
    record TableDeleted(String table) implements Change {
    }

    /**
     * An item written whole (PutItem, UpdateItem's result, a batch or transaction put). {@code previous} is the item
     * it replaces as the write saw it (null when there was none, and in changes read back from a journal, which does
     * not keep it): the streams need it for their old images and to leave out writes that change nothing.
     */
    record ItemPut(String table, Map<String, AttributeValue> item, Map<String, AttributeValue> previous)
            implements Change {
        public ItemPut(String table, Map<String, AttributeValue> item) {
            this(table, item, null);
        }
    }

    /**
     * The item with this key (its key attributes only) removed. {@code previous} is the removed item (null when there
     * was none, and in changes read back from a journal); {@code expired} marks a deletion by time to live, which the
     * streams show as the service's deletion rather than a user's.
     */
    record ItemDeleted(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> previous,
            boolean expired) implements Change {
        public ItemDeleted(String table, Map<String, AttributeValue> key) {
            this(table, key, null, false);
        }
    }
}
