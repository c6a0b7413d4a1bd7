package io.dynamokit.engine.storage.journal;

import io.dynamokit.engine.model.AttributeValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A growable byte buffer with the journal's primitive encodings: variable-length unsigned integers, strings as
 * (length + 1, UTF-8) so that 0 stands for null, instants as presence, seconds and nanoseconds. Reused by the one
 * writer that holds the storage write lock, so that appending allocates nothing in the common case.
 */
final class Encoder {
    private byte[] bytes;
    private int size;

    Encoder(int capacity) {
        bytes = new byte[capacity];
    }

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** The encoded bytes as a buffer over this encoder's array (valid until the next change). */
    ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes, 0, size);
    }

    byte[] array() {
        return bytes;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    void putByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void putBoolean(boolean value) {
        putByte(value ? 1 : 0);
    }

    void putInt(int value) {
        ensure(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    /** Overwrites four bytes already written (a frame's length and checksum, known once its payload is). */
    void setInt(int position, int value) {
        bytes[position] = (byte) (value >>> 24);
        bytes[position + 1] = (byte) (value >>> 16);
        bytes[position + 2] = (byte) (value >>> 8);
        bytes[position + 3] = (byte) value;
    }

    void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    void putVarLong(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    void putCount(int count) {
        putVarLong(count);
    }

    void putBytes(byte[] value) {
        putVarLong(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    void putString(String value) {
        if (value == null) {
            putVarLong(0);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        putVarLong(utf8.length + 1L);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

    void putInstant(Instant value) {
        putBoolean(value != null);
        if (value != null) {
            putLong(value.getEpochSecond());
            putInt(value.getNano());
        }
    }

    void putStrings(Collection<String> values) {
        if (values == null) {
            putVarLong(0);
            return;
        }
        putVarLong(values.size() + 1L);
        for (String value : values) {
            putString(value);
        }
    }

    void putStringMap(Map<String, String> values) {
        putCount(values.size());
        for (Map.Entry<String, String> entry : values.entrySet()) {
            putString(entry.getKey());
            putString(entry.getValue());
        }
    }

    void putItem(Map<String, AttributeValue> item) {
        putCount(item.size());
        for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
            putString(entry.getKey());
            putValue(entry.getValue());
        }
    }

    void putValue(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            putByte(ValueTag.S);
            putString(s.value());
        } else if (value instanceof AttributeValue.N n) {
            putByte(ValueTag.N);
            putString(n.value());
        } else if (value instanceof AttributeValue.B b) {
            putByte(ValueTag.B);
            putBytes(b.bytes());
        } else if (value instanceof AttributeValue.BOOL bool) {
            putByte(bool.value() ? ValueTag.TRUE : ValueTag.FALSE);
        } else if (value instanceof AttributeValue.NULL) {
            putByte(ValueTag.NULL);
        } else if (value instanceof AttributeValue.L list) {
            putByte(ValueTag.L);
            List<AttributeValue> values = list.values();
            putCount(values.size());
            for (AttributeValue member : values) {
                putValue(member);
            }
        } else if (value instanceof AttributeValue.M map) {
            putByte(ValueTag.M);
            putItem(map.values());
        } else if (value instanceof AttributeValue.SS ss) {
            putByte(ValueTag.SS);
            putStrings(ss.values());
        } else if (value instanceof AttributeValue.NS ns) {
            putByte(ValueTag.NS);
            putStrings(ns.values());
        } else if (value instanceof AttributeValue.BS bs) {
            putByte(ValueTag.BS);
            putCount(bs.values().size());
            for (AttributeValue.B member : bs.values()) {
                putBytes(member.bytes());
            }
        } else {
            throw new IllegalArgumentException("not an attribute value: " + value);
        }
    }
}
