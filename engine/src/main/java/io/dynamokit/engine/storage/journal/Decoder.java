package io.dynamokit.engine.storage.journal;

import io.dynamokit.engine.model.AttributeValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what {@link Encoder} wrote. Every length and count is checked against the bytes left, so that a damaged
 * record is reported as such ({@link DamagedRecordException}) instead of exhausting memory.
 */
final class Decoder {
    private final ByteBuffer in;

    Decoder(ByteBuffer in) {
        this.in = in;
    }

    boolean hasRemaining() {
        return in.hasRemaining();
    }

    int getByte() {
        need(1);
        return in.get() & 0xFF;
    }

    boolean getBoolean() {
        int value = getByte();
        if (value > 1) {
            throw new DamagedRecordException("a boolean is " + value);
        }
        return value == 1;
    }

    int getInt() {
        need(4);
        return in.getInt();
    }

    long getLong() {
        need(8);
        return in.getLong();
    }

    long getVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = getByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new DamagedRecordException("a number is longer than 10 bytes");
    }

    /** A count of things each at least one byte long. */
    int getCount() {
        long count = getVarLong();
        if (count < 0 || count > in.remaining()) {
            throw new DamagedRecordException("a count of " + count + " exceeds the " + in.remaining() + " bytes left");
        }
        return (int) count;
    }

    byte[] getBytes() {
        int length = getLength(getVarLong());
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    String getString() {
        long encoded = getVarLong();
        if (encoded == 0) {
            return null;
        }
        int length = getLength(encoded - 1);
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    Instant getInstant() {
        if (!getBoolean()) {
            return null;
        }
        long seconds = getLong();
        int nanos = getInt();
        return Instant.ofEpochSecond(seconds, nanos);
    }

    List<String> getStrings() {
        long encoded = getVarLong();
        if (encoded == 0) {
            return null;
        }
        int count = getLength(encoded - 1);
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(getString());
        }
        return values;
    }

    Map<String, String> getStringMap() {
        int count = getCount();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            values.put(getString(), getString());
        }
        return values;
    }

    /** An item, unmodifiable as storage keeps them. */
    Map<String, AttributeValue> getItem() {
        return Collections.unmodifiableMap(getMap());
    }

    private Map<String, AttributeValue> getMap() {
        int count = getCount();
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = getString();
            if (name == null) {
                throw new DamagedRecordException("an attribute without a name");
            }
            item.put(name, getValue());
        }
        return item;
    }

    AttributeValue getValue() {
        int tag = getByte();
        return switch (tag) {
            case ValueTag.S -> new AttributeValue.S(required(getString()));
            case ValueTag.N -> new AttributeValue.N(required(getString()));
            case ValueTag.B -> new AttributeValue.B(getBytes());
            case ValueTag.TRUE -> AttributeValue.TRUE;
            case ValueTag.FALSE -> AttributeValue.FALSE;
            case ValueTag.NULL -> AttributeValue.NULL_VALUE;
            case ValueTag.L -> {
                int count = getCount();
                List<AttributeValue> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(getValue());
                }
                yield new AttributeValue.L(values);
            }
            case ValueTag.M -> new AttributeValue.M(getMap());
            case ValueTag.SS -> new AttributeValue.SS(new LinkedHashSet<>(required(getStrings())));
            case ValueTag.NS -> new AttributeValue.NS(new LinkedHashSet<>(required(getStrings())));
            case ValueTag.BS -> {
                int count = getCount();
                Set<AttributeValue.B> values = new LinkedHashSet<>();
                for (int i = 0; i < count; i++) {
                    values.add(new AttributeValue.B(getBytes()));
                }
                yield new AttributeValue.BS(values);
            }
            default -> throw new DamagedRecordException("unknown attribute value type " + tag);
        };
    }

    private static <T> T required(T value) {
        if (value == null) {
            throw new DamagedRecordException("a value is missing");
        }
        return value;
    }

    private int getLength(long length) {
        if (length < 0 || length > in.remaining()) {
            throw new DamagedRecordException("a length of " + length + " exceeds the " + in.remaining()
                    + " bytes left");
        }
        return (int) length;
    }

    private void need(int bytes) {
        if (in.remaining() < bytes) {
            throw new DamagedRecordException("the record ends early");
        }
    }
}
