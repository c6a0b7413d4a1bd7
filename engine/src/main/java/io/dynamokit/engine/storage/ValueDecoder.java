package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads attribute values written in {@link ValueFormat}: each read makes a new value, sharing nothing. */
final class ValueDecoder {

    private ValueDecoder() {
    }

    /** Where the value at {@code offset} ends. */
    static int skip(byte[] data, int offset) {
        byte tag = data[offset];
        if (tag <= ValueFormat.TRUE) {
            return offset + 1;
        }
        int length = ValueFormat.readVarint(data, offset + 1);
        return offset + 1 + ValueFormat.varintSize(length) + length;
    }

    static AttributeValue decode(byte[] data, int offset) {
        byte tag = data[offset];
        switch (tag) {
            case ValueFormat.NULL:
                return AttributeValue.NULL_VALUE;
            case ValueFormat.FALSE:
                return AttributeValue.FALSE;
            case ValueFormat.TRUE:
                return AttributeValue.TRUE;
            case ValueFormat.S_LATIN1:
            case ValueFormat.S_UTF8:
                return new AttributeValue.S(text(data, offset));
            case ValueFormat.N_LATIN1:
            case ValueFormat.N_UTF8:
                return new AttributeValue.N(text(data, offset));
            case ValueFormat.B:
                return binary(data, offset);
            default:
                return container(tag, data, offset);
        }
    }

    private static AttributeValue container(byte tag, byte[] data, int offset) {
        int length = ValueFormat.readVarint(data, offset + 1);
        int countAt = offset + 1 + ValueFormat.varintSize(length);
        int count = ValueFormat.readVarint(data, countAt);
        int at = countAt + ValueFormat.varintSize(count);
        switch (tag) {
            case ValueFormat.L: {
                List<AttributeValue> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(decode(data, at));
                    at = skip(data, at);
                }
                return new AttributeValue.L(values);
            }
            case ValueFormat.M: {
                Map<String, AttributeValue> values = new LinkedHashMap<>(capacity(count));
                for (int i = 0; i < count; i++) {
                    String name = text(data, at);
                    at = skip(data, at);
                    values.put(name, decode(data, at));
                    at = skip(data, at);
                }
                return new AttributeValue.M(values);
            }
            case ValueFormat.SS:
            case ValueFormat.NS: {
                Set<String> members = new LinkedHashSet<>(capacity(count));
                for (int i = 0; i < count; i++) {
                    members.add(text(data, at));
                    at = skip(data, at);
                }
                return tag == ValueFormat.SS ? new AttributeValue.SS(members) : new AttributeValue.NS(members);
            }
            case ValueFormat.BS: {
                Set<AttributeValue.B> members = new LinkedHashSet<>(capacity(count));
                for (int i = 0; i < count; i++) {
                    members.add(binary(data, at));
                    at = skip(data, at);
                }
                return new AttributeValue.BS(members);
            }
            default:
                throw new IllegalStateException("unknown stored value tag " + tag + " at " + offset);
        }
    }

    private static int capacity(int count) {
        return count + count / 3 + 1;
    }

    private static AttributeValue.B binary(byte[] data, int offset) {
        int length = ValueFormat.readVarint(data, offset + 1);
        int from = offset + 1 + ValueFormat.varintSize(length);
        return new AttributeValue.B(Arrays.copyOfRange(data, from, from + length));
    }

    /** The text of the S or N value at {@code offset}. */
    static String text(byte[] data, int offset) {
        byte tag = data[offset];
        int length = ValueFormat.readVarint(data, offset + 1);
        int from = offset + 1 + ValueFormat.varintSize(length);
        if (tag == ValueFormat.S_LATIN1 || tag == ValueFormat.N_LATIN1) {
            return new String(data, from, length, StandardCharsets.ISO_8859_1);
        }
        return utf8(data, from, from + length);
    }

    /** UTF-8, in which a lone surrogate may take the 3 bytes of its code unit (see {@link ValueFormat}). */
    private static String utf8(byte[] data, int from, int to) {
        char[] chars = new char[to - from];
        int count = 0;
        int i = from;
        while (i < to) {
            int b = data[i] & 0xff;
            if (b < 0x80) {
                chars[count++] = (char) b;
                i++;
            } else if (b < 0xe0) {
                chars[count++] = (char) (((b & 0x1f) << 6) | (data[i + 1] & 0x3f));
                i += 2;
            } else if (b < 0xf0) {
                chars[count++] = (char) (((b & 0x0f) << 12) | ((data[i + 1] & 0x3f) << 6) | (data[i + 2] & 0x3f));
                i += 3;
            } else {
                int codePoint = ((b & 0x07) << 18) | ((data[i + 1] & 0x3f) << 12) | ((data[i + 2] & 0x3f) << 6)
                        | (data[i + 3] & 0x3f);
                chars[count++] = Character.highSurrogate(codePoint);
                chars[count++] = Character.lowSurrogate(codePoint);
                i += 4;
            }
        }
        return new String(chars, 0, count);
    }
}
