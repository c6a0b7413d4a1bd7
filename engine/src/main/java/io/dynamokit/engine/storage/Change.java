package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import java.util.Map;
import java.util.Objects;

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
     * An item written whole (PutItem, UpdateItem's result, a batch or transaction put). {@link #previous()} is the item
     * it replaces as the write saw it (null when there was none, and in changes read back from a journal, which does
     * not keep it): the streams need it for their old images and to leave out writes that change nothing.
     * <p>
     * A change made by a {@link Mutation} looks its previous item up only when it is asked for (by a listener, while
     * the change is being committed) or when it is applied (the map's put returns it): a write that nobody asks about
     * traverses the table's map once.
     */
    final class ItemPut implements Change {
        private final String table;
        private final Map<String, AttributeValue> item;
        private final ItemKey key;
        private final long size;
        private final PreviousItem previous;

        public ItemPut(String table, Map<String, AttributeValue> item) {
            this(table, item, null);
        }

        public ItemPut(String table, Map<String, AttributeValue> item, Map<String, AttributeValue> previous) {
            this(table, item, null, -1, PreviousItem.known(previous));
        }

        /**
         * A put of {@code item} (its {@code key} and {@code size} when known: null and -1 otherwise) into
         * {@code source}, whose previous item is the one the table holds under the key until the put is applied.
         */
        static ItemPut replacing(Table source, Map<String, AttributeValue> item, ItemKey key, long size) {
            return new ItemPut(source.name(), item, key, size,
                    key == null ? PreviousItem.known(null) : PreviousItem.inTable(source, key));
        }

        /** A put whose previous item is known (an earlier change of the same mutation left it). */
        static ItemPut after(Table table, Map<String, AttributeValue> item, ItemKey key, long size,
                Map<String, AttributeValue> previous) {
            return new ItemPut(table.name(), item, key, size, PreviousItem.known(previous));
        }

        private ItemPut(String table, Map<String, AttributeValue> item, ItemKey key, long size,
                PreviousItem previous) {
            this.table = table;
            this.item = item;
            this.key = key;
            this.size = size;
            this.previous = previous;
        }

        @Override
        public String table() {
            return table;
        }

        public Map<String, AttributeValue> item() {
            return item;
        }

        public Map<String, AttributeValue> previous() {
            return previous.get();
        }

        /** The item's key in its table when the writer knew it, else null. */
        ItemKey key() {
            return key;
        }

        /** The item's size as DynamoDB counts it when the writer knew it, else -1. */
        long size() {
            return size;
        }

        /** Called when the put is applied, with the item it replaced: the previous item from then on. */
        void replaced(Map<String, AttributeValue> old) {
            previous.settle(old);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ItemPut other && table.equals(other.table) && item.equals(other.item)
                    && Objects.equals(previous(), other.previous());
        }

        @Override
        public int hashCode() {
            return Objects.hash(table, item, previous());
        }

        @Override
        public String toString() {
            return "ItemPut[table=" + table + ", item=" + item + ", previous=" + previous() + "]";
        }
    }

    /**
     * The item with this key (its key attributes only) removed. {@link #previous()} is the removed item (null when
     * there was none, and in changes read back from a journal); {@link #expired()} marks a deletion by time to live,
     * which the streams show as the service's deletion rather than a user's.
     * <p>
     * As for {@link ItemPut}, a change made by a {@link Mutation} looks the removed item up only when a listener asks
     * for it, or takes it from the map's remove when the change is applied.
     */
    final class ItemDeleted implements Change {
        private final String table;
        private final Map<String, AttributeValue> key;
        private final boolean expired;
        private final ItemKey itemKey;
        private final PreviousItem previous;

        public ItemDeleted(String table, Map<String, AttributeValue> key) {
            this(table, key, null, false);
        }

        public ItemDeleted(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> previous,
                boolean expired) {
            this(table, key, expired, null, PreviousItem.known(previous));
        }

        /** A removal from {@code source} of the item it holds under {@code itemKey} until the removal is applied. */
        static ItemDeleted removing(Table source, Map<String, AttributeValue> key, boolean expired, ItemKey itemKey) {
            return new ItemDeleted(source.name(), key, expired, itemKey, PreviousItem.inTable(source, itemKey));
        }

        /** A removal whose removed item is known (an earlier change of the same mutation left it, or nothing). */
        static ItemDeleted after(Table table, Map<String, AttributeValue> key, boolean expired, ItemKey itemKey,
                Map<String, AttributeValue> previous) {
            return new ItemDeleted(table.name(), key, expired, itemKey, PreviousItem.known(previous));
        }

        private ItemDeleted(String table, Map<String, AttributeValue> key, boolean expired, ItemKey itemKey,
                PreviousItem previous) {
            this.table = table;
            this.key = key;
            this.expired = expired;
            this.itemKey = itemKey;
            this.previous = previous;
        }

        @Override
        public String table() {
            return table;
        }

        public Map<String, AttributeValue> key() {
            return key;
        }

        public Map<String, AttributeValue> previous() {
            return previous.get();
        }

        public boolean expired() {
            return expired;
        }

        /** The removed item's key in its table when the writer knew it, else null. */
        ItemKey itemKey() {
            return itemKey;
        }

        /** Called when the removal is applied, with the item it removed: the previous item from then on. */
        void removed(Map<String, AttributeValue> old) {
            previous.settle(old);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ItemDeleted other && table.equals(other.table) && key.equals(other.key)
                    && expired == other.expired && Objects.equals(previous(), other.previous());
        }

        @Override
        public int hashCode() {
            return Objects.hash(table, key, previous(), expired);
        }

        @Override
        public String toString() {
            return "ItemDeleted[table=" + table + ", key=" + key + ", previous=" + previous() + ", expired=" + expired
                    + "]";
        }
    }
}
