package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.ItemSize;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes attribute values in {@link ValueFormat} into a growing buffer, and counts their size as DynamoDB does
 * ({@link ItemSize}) on the way, so that a stored item knows its size without reading its values again.
 */
final class ValueEncoder {
    private byte[] buffer;
    private int position;

    ValueEncoder(int capacity) {
        buffer = new byte[Math.max(16, capacity)];
    }

    int position() {
        return position;
    }

    /** Leaves {@code count} bytes to be filled in later with {@link #putInt}. */
    void skip(int count) {
        ensure(count);
        position += count;
    }

    void putInt(int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    /** The bytes written, in an array of their exact length. */
    byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    /** Writes a value; returns its size as {@link ItemSize#of(AttributeValue)} counts it. */
    long value(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return text(ValueFormat.S_LATIN1, s.value());
        } else if (value instanceof AttributeValue.N n) {
            text(ValueFormat.N_LATIN1, n.value());
            return ItemSize.number(n.value());
        } else if (value instanceof AttributeValue.B b) {
            return binary(b.bytes());
        } else if (value instanceof AttributeValue.BOOL bool) {
            put(bool.value() ? ValueFormat.TRUE : ValueFormat.FALSE);
            return 1;
        } else if (value instanceof AttributeValue.NULL) {
            put(ValueFormat.NULL);
            return 1;
        } else if (value instanceof AttributeValue.L l) {
            return list(l.values());
        } else if (value instanceof AttributeValue.M m) {
            return map(m.values());
        } else if (value instanceof AttributeValue.SS ss) {
            int start = open(ValueFormat.SS, ss.values().size());
            long size = 0;
            for (String member : ss.values()) {
                size += text(ValueFormat.S_LATIN1, member);
            }
            close(start);
            return size;
        } else if (value instanceof AttributeValue.NS ns) {
            int start = open(ValueFormat.NS, ns.values().size());
            long size = 0;
            for (String member : ns.values()) {
                text(ValueFormat.N_LATIN1, member);
                size += ItemSize.number(member);
            }
            close(start);
            return size;
        } else if (value instanceof AttributeValue.BS bs) {
            int start = open(ValueFormat.BS, bs.values().size());
            long size = 0;
            for (AttributeValue.B member : bs.values()) {
                size += binary(member.bytes());
            }
            close(start);
            return size;
        }
        throw new IllegalArgumentException("unknown attribute value " + value);
    }

    private long list(List<AttributeValue> values) {
        int start = open(ValueFormat.L, values.size());
        long size = 3;
        for (AttributeValue element : values) {
            size += 1 + value(element);
        }
        close(start);
        return size;
    }

    private long map(Map<String, AttributeValue> values) {
        int start = open(ValueFormat.M, values.size());
        long size = 3 + values.size();
        for (Map.Entry<String, AttributeValue> entry : values.entrySet()) {
            size += text(ValueFormat.S_LATIN1, entry.getKey()) + value(entry.getValue());
        }
        close(start);
        return size;
    }

    private long binary(byte[] bytes) {
        put(ValueFormat.B);
        varint(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
        return bytes.length;
    }

    /**
     * Writes a text with {@code latin1Tag} when each of its characters fits in a byte, else as UTF-8 with the next
     * tag; returns its UTF-8 length as {@link ItemSize#utf8Length} counts it. Most texts are Latin-1: they are copied
     * as they are checked, and written again as UTF-8 only when a wider character shows up.
     */
    private long text(byte latin1Tag, String text) {
        int start = position;
        int length = text.length();
        put(latin1Tag);
        varint(length);
        ensure(length);
        byte[] out = buffer;
        int at = position;
        int wide = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c >= 0x100) {
                    position = start;
                    put((byte) (latin1Tag + 1));
                    int utf8Length = ItemSize.utf8Length(text);
                    varint(utf8Length);
                    ensure(utf8Length);
                    utf8(text);
                    return utf8Length;
                }
                wide++;
            }
            out[at + i] = (byte) c;
        }
        position = at + length;
        return length + wide;
    }

    private void utf8(String text) {
        byte[] out = buffer;
        int at = position;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out[at++] = (byte) (0xf0 | (codePoint >> 18));
                out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
                out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
                out[at++] = (byte) (0x80 | (codePoint & 0x3f));
            } else {
                out[at++] = (byte) (0xe0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        position = at;
    }

    /**
     * Starts a container: its tag, one byte kept for its length (moved by {@link #close} when the length needs more)
     * and its count. Returns where its payload starts.
     */
    private int open(byte tag, int count) {
        put(tag);
        put((byte) 0);
        int start = position;
        varint(count);
        return start;
    }

    private void close(int start) {
        int length = position - start;
        int extra = ValueFormat.varintSize(length) - 1;
        if (extra > 0) {
            ensure(extra);
            System.arraycopy(buffer, start, buffer, start + extra, length);
            position += extra;
        }
        int at = start - 1;
        int rest = length;
        while ((rest & ~0x7f) != 0) {
            buffer[at++] = (byte) ((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        buffer[at] = (byte) rest;
    }

    private void varint(int value) {
        ensure(5);
        int rest = value;
        while ((rest & ~0x7f) != 0) {
            buffer[position++] = (byte) ((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        buffer[position++] = (byte) rest;
    }

    private void put(byte b) {
        ensure(1);
        buffer[position++] = b;
    }

    private void ensure(int more) {
        if (position + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + more));
        }
    }
}
