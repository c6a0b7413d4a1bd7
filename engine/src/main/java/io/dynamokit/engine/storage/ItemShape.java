package io.dynamokit.engine.storage;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The attribute names of stored items, in their order, shared by the items that have the same names: a table's items
 * mostly do, and an array of names per item would take 48 bytes of an 8-attribute item. The last shapes made are
 * remembered in a small table by the hash of their names (a later item of other names takes the slot); items of
 * more than {@link StoredItem#MAX_ATTRIBUTES} attributes also get a hash table of their names.
 */
final class ItemShape {
    private static final int REMEMBERED = 256;
    private static final AtomicReferenceArray<ItemShape> SHAPES = new AtomicReferenceArray<>(REMEMBERED);
    static final ItemShape EMPTY = new ItemShape(new String[0], 1);

    private final String[] names;
    private final int hash;
    /** For many names: open addressing on the names' hashes, each slot the name's index plus one (0 is free). */
    private final int[] slots;

    private ItemShape(String[] names, int hash) {
        this.names = names;
        this.hash = hash;
        this.slots = names.length > StoredItem.MAX_ATTRIBUTES ? slots(names) : null;
    }

    /** The shape of these names; the array passed is kept and must not be changed. */
    static ItemShape of(String[] names) {
        if (names.length == 0) {
            return EMPTY;
        }
        int hash = 1;
        for (String name : names) {
            hash = 31 * hash + name.hashCode();
        }
        int slot = (hash ^ (hash >>> 16)) & (REMEMBERED - 1);
        ItemShape remembered = SHAPES.get(slot);
        if (remembered != null && remembered.hash == hash && sameNames(remembered.names, names)) {
            return remembered;
        }
        ItemShape shape = new ItemShape(names, hash);
        SHAPES.set(slot, shape);
        return shape;
    }

    private static boolean sameNames(String[] a, String[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i] && !a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static int[] slots(String[] names) {
        int[] slots = new int[Integer.highestOneBit(names.length) * 4];
        int mask = slots.length - 1;
        for (int i = 0; i < names.length; i++) {
            int slot = spread(names[i].hashCode()) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
        }
        return slots;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    int size() {
        return names.length;
    }

    String name(int index) {
        return names[index];
    }

    boolean sameNames(ItemShape other) {
        return other == this || sameNames(names, other.names);
    }

    /** The index of a name, or -1. */
    int indexOf(Object name) {
        if (!(name instanceof String)) {
            return -1;
        }
        if (slots != null) {
            int mask = slots.length - 1;
            int slot = spread(name.hashCode()) & mask;
            int index;
            while ((index = slots[slot]) != 0) {
                if (names[index - 1].equals(name)) {
                    return index - 1;
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }
        // names are mostly the parser's shared strings: compare references before contents
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
