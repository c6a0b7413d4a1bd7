package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import java.util.Map;

/**
 * The item a put replaces or a deletion removes. Either known when the change is made, or looked up in the table
 * under the change's key only when someone asks before the change is applied (a listener while committing); once the
 * change is applied, the map's put or remove hands it over ({@link #settle}) and it is known from then on. A write
 * that nobody asks about traverses the table's map once.
 */
final class PreviousItem {
    private final ItemKey key;
    /** Written before {@link #source} is cleared; read after it is seen cleared. */
    private Map<String, AttributeValue> item;
    /** The table to look the item up in; null once it is known. */
    private volatile Table source;

    private PreviousItem(Map<String, AttributeValue> item, Table source, ItemKey key) {
        this.item = item;
        this.source = source;
        this.key = key;
    }

    static PreviousItem known(Map<String, AttributeValue> item) {
        return new PreviousItem(item, null, null);
    }

    /** The item {@code source} holds under {@code key} until the change is applied. */
    static PreviousItem inTable(Table source, ItemKey key) {
        return new PreviousItem(null, source, key);
    }

    Map<String, AttributeValue> get() {
        Table from = source;
        if (from != null) {
            settle(from.get(key));
        }
        return item;
    }

    /** Called when the change is applied, with the item the map held: the previous item from then on. */
    void settle(Map<String, AttributeValue> old) {
        if (source != null) {
            item = old;
            source = null;
        }
    }
}
