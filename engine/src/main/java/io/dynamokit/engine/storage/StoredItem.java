package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.ItemSize;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An item as the storage keeps it: immutable, in its attributes' order, its values as bytes ({@link ValueFormat}),
 * its names shared with the items of the same names ({@link ItemShape}). A table holds millions of items: as records
 * holding strings, an attribute value took about three times its bytes (an 8-attribute item of 226 bytes as DynamoDB
 * counts it took about 600 bytes of values); as bytes it takes its bytes plus one or two. Each {@link #get} or
 * iteration reads the values it returns into new objects, so reads pay for what they return only.
 * <p>
 * Lookups scan the names, which for the few attributes of most items is as fast as hashing, then skip the values
 * before; items of more than {@link #MAX_ATTRIBUTES} attributes keep where each value starts, and their shape hashes
 * their names. The item's size as DynamoDB counts it is counted once, when it is stored ({@link #dynamoDbSize}).
 */
final class StoredItem extends AbstractMap<String, AttributeValue> {
    static final int MAX_ATTRIBUTES = 16;
    /** The data starts with the item's size as DynamoDB counts it, 4 bytes. */
    private static final int HEADER = 4;

    private final ItemShape shape;
    private final byte[] data;
    /** Where each value starts, for items of more than {@link #MAX_ATTRIBUTES} attributes; else null. */
    private final int[] offsets;

    private StoredItem(ItemShape shape, byte[] data, int[] offsets) {
        this.shape = shape;
        this.data = data;
        this.offsets = offsets;
    }

    /** An immutable copy of an item, in its order; a stored item is returned as it is. */
    static StoredItem of(Map<String, AttributeValue> item) {
        if (item instanceof StoredItem stored) {
            return stored;
        }
        int size = item.size();
        String[] names = new String[size];
        int[] offsets = size > MAX_ATTRIBUTES ? new int[size] : null;
        ValueEncoder encoder = new ValueEncoder(HEADER + 32 * size);
        encoder.skip(HEADER);
        long dynamoDbSize = 0;
        int i = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            if (i == size) {
                throw new IllegalStateException("item changed while it was stored");
            }
            String name = attribute.getKey();
            if (name == null) {
                throw new IllegalArgumentException("an attribute without a name: " + item);
            }
            names[i] = name;
            if (offsets != null) {
                offsets[i] = encoder.position();
            }
            dynamoDbSize += ItemSize.utf8Length(name) + encoder.value(attribute.getValue());
            i++;
        }
        if (i != size) {
            throw new IllegalStateException("item changed while it was stored");
        }
        if (dynamoDbSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("item of " + dynamoDbSize + " bytes");
        }
        encoder.putInt(0, (int) dynamoDbSize);
        return new StoredItem(ItemShape.of(names), encoder.toByteArray(), offsets);
    }

    /**
     * The item's size as DynamoDB counts it, the same as {@link ItemSize#of(Map)} of this item, counted when it was
     * stored.
     */
    long dynamoDbSize() {
        return ((data[0] & 0xff) << 24) | ((data[1] & 0xff) << 16) | ((data[2] & 0xff) << 8) | (data[3] & 0xff);
    }

    @Override
    public int size() {
        return shape.size();
    }

    @Override
    public boolean isEmpty() {
        return shape.size() == 0;
    }

    @Override
    public AttributeValue get(Object name) {
        int index = shape.indexOf(name);
        return index < 0 ? null : ValueDecoder.decode(data, offset(index));
    }

    @Override
    public boolean containsKey(Object name) {
        return shape.indexOf(name) >= 0;
    }

    private int offset(int index) {
        if (offsets != null) {
            return offsets[index];
        }
        int at = HEADER;
        for (int i = 0; i < index; i++) {
            at = ValueDecoder.skip(data, at);
        }
        return at;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
        int at = HEADER;
        for (int i = 0; i < shape.size(); i++) {
            action.accept(shape.name(i), ValueDecoder.decode(data, at));
            at = ValueDecoder.skip(data, at);
        }
    }

    /** Equal items stored alike have the same bytes; others (sets or maps in another order) compare as maps. */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (o instanceof StoredItem other && shape.sameNames(other.shape) && Arrays.equals(data, other.data)) {
            return true;
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    /** The names, without reading the values. */
    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return shape.size();
            }

            @Override
            public boolean contains(Object name) {
                return shape.indexOf(name) >= 0;
            }

            @Override
            public Iterator<String> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < shape.size();
                    }

                    @Override
                    public String next() {
                        if (next >= shape.size()) {
                            throw new NoSuchElementException();
                        }
                        return shape.name(next++);
                    }
                };
            }
        };
    }

    @Override
    public Set<Map.Entry<String, AttributeValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return shape.size();
            }

            @Override
            public Iterator<Map.Entry<String, AttributeValue>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int at = HEADER;

                    @Override
                    public boolean hasNext() {
                        return next < shape.size();
                    }

                    @Override
                    public Map.Entry<String, AttributeValue> next() {
                        if (next >= shape.size()) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, AttributeValue> entry = new SimpleImmutableEntry<>(shape.name(next),
                                ValueDecoder.decode(data, at));
                        at = ValueDecoder.skip(data, at);
                        next++;
                        return entry;
                    }
                };
            }
        };
    }
}
