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

    /** An item written whole (PutItem, UpdateItem's result, a batch or transaction put). */
    record ItemPut(String table, Map<String, AttributeValue> item) implements Change {
    }

    /** The item with this key (its key attributes only) removed. */
    record ItemDeleted(String table, Map<String, AttributeValue> key) implements Change {
    }
}
