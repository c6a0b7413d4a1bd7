package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An item as the storage keeps it: immutable, in its attributes' order, its names and values in one array. A table
 * holds millions of items and a {@code LinkedHashMap} spends about 50 bytes of entries and table per attribute on top
 * of the names and values (an 8-attribute item of about 200 bytes as DynamoDB counts it took about 1,200 bytes of
 * heap); this form spends 8. Lookups scan the array, which for the few attributes of most items is as fast as
 * hashing; items with more than {@link #MAX_ATTRIBUTES} attributes stay in a hash map.
 */
final class StoredItem extends AbstractMap<String, AttributeValue> {
    static final int MAX_ATTRIBUTES = 16;

    /** Names at even indexes, each followed by its value. */
    private final Object[] slots;

    private StoredItem(Object[] slots) {
        this.slots = slots;
    }

    /**
     * An immutable form of an item, in its order. The map passed is copied, unless it has more than
     * {@link #MAX_ATTRIBUTES} attributes: then it is wrapped, and must not be changed afterwards.
     */
    static Map<String, AttributeValue> of(Map<String, AttributeValue> item) {
        if (item instanceof StoredItem) {
            return item;
        }
        int size = item.size();
        if (size > MAX_ATTRIBUTES) {
            return Collections.unmodifiableMap(item);
        }
        Object[] slots = new Object[size * 2];
        int i = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            if (i == slots.length) {
                throw new IllegalStateException("item changed while it was stored");
            }
            slots[i++] = attribute.getKey();
            slots[i++] = attribute.getValue();
        }
        if (i != slots.length) {
            throw new IllegalStateException("item changed while it was stored");
        }
        return new StoredItem(slots);
    }

    @Override
    public int size() {
        return slots.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return slots.length == 0;
    }

    @Override
    public AttributeValue get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : (AttributeValue) slots[i + 1];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    private int indexOf(Object name) {
        if (name == null) {
            return -1;
        }
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, AttributeValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return slots.length / 2;
            }

            @Override
            public Iterator<Map.Entry<String, AttributeValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < slots.length;
                    }

                    @Override
                    public Map.Entry<String, AttributeValue> next() {
                        if (next >= slots.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, AttributeValue> entry = new SimpleImmutableEntry<>((String) slots[next],
                                (AttributeValue) slots[next + 1]);
                        next += 2;
                        return entry;
                    }
                };
            }
        };
    }
}
