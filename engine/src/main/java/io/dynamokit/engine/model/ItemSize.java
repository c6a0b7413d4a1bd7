package io.dynamokit.engine.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An item's size as DynamoDB counts it for its 400 KB limit and for consumed capacity: each attribute name's UTF-8
 * length plus its value's size. Strings count their UTF-8 bytes, binaries their bytes, BOOL and NULL one byte; a
 * number about one byte per two significant digits plus one (the digits are stored in pairs aligned on the decimal
 * point, with one more byte for a negative sign); lists and maps 3 bytes plus one byte per element plus the elements;
 * sets the sum of their members.
 */
public final class ItemSize {
    /** DynamoDB's item size limit: 400 KB. */
    public static final int MAX_ITEM_SIZE = 400 * 1024;

    private ItemSize() {
    }

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    public static long of(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return utf8Length(s.value());
        } else if (value instanceof AttributeValue.N n) {
            return number(n.value());
        } else if (value instanceof AttributeValue.B b) {
            return b.bytes().length;
        } else if (value instanceof AttributeValue.BOOL || value instanceof AttributeValue.NULL) {
            return 1;
        } else if (value instanceof AttributeValue.L l) {
            return 3 + list(l.values());
        } else if (value instanceof AttributeValue.M m) {
            return 3 + m.values().size() + of(m.values());
        } else if (value instanceof AttributeValue.SS ss) {
            long size = 0;
            for (String s : ss.values()) {
                size += utf8Length(s);
            }
            return size;
        } else if (value instanceof AttributeValue.NS ns) {
            long size = 0;
            for (String s : ns.values()) {
                size += number(s);
            }
            return size;
        } else if (value instanceof AttributeValue.BS bs) {
            long size = 0;
            for (AttributeValue.B b : bs.values()) {
                size += b.bytes().length;
            }
            return size;
        }
        throw new IllegalArgumentException("unknown attribute value " + value);
    }

    private static long list(List<AttributeValue> values) {
        long size = 0;
        for (AttributeValue v : values) {
            size += 1 + of(v);
        }
        return size;
    }

    /** The size of a number in canonical text. */
    public static long number(String text) {
        PlainDecimal plain = PlainDecimal.read(text);
        if (plain != null) {
            return plain.zero() ? 1 : size(plain.significantDigits(), plain.exponent(), plain.negative());
        }
        return decimal(new BigDecimal(text));
    }

    /** The size of a number, the long way: what the plain decimals' shortcut above must agree with. */
    static long decimal(BigDecimal value) {
        if (value.signum() == 0) {
            return 1;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return size(stripped.precision(), stripped.precision() - stripped.scale() - 1, value.signum() < 0);
    }

    /**
     * Pairs of significant digits aligned on the exponent of the leading digit, one byte each, plus one; one more for a
     * negative number.
     */
    private static long size(int digits, int exponent, boolean negative) {
        long size = 1 + (digits + 1) / 2;
        if (digits % 2 == 0 && exponent % 2 == 0) {
            size++;
        }
        return negative ? size + 1 : size;
    }

    public static int utf8Length(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /** Whether an item exceeds DynamoDB's 400 KB limit. */
    public static boolean tooLarge(Map<String, AttributeValue> item) {
        return of(item) > MAX_ITEM_SIZE;
    }
}
