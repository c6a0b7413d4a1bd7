package io.dynamokit.engine.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * DynamoDB's order of key values: strings by their UTF-8 bytes compared unsigned (not by Java's UTF-16 chars, which
 * order supplementary characters differently), numbers numerically, binaries by unsigned bytes. Values of different
 * types (never two key values of one attribute) order by type name, so that the comparator stays total.
 */
public final class KeyOrder implements Comparator<AttributeValue> {
    public static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {
    }

    @Override
    public int compare(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.S sa && b instanceof AttributeValue.S sb) {
            return compareStrings(sa.value(), sb.value());
        }
        if (a instanceof AttributeValue.N na && b instanceof AttributeValue.N nb) {
            return compareNumbers(na.value(), nb.value());
        }
        if (a instanceof AttributeValue.B ba && b instanceof AttributeValue.B bb) {
            return Arrays.compareUnsigned(ba.bytes(), bb.bytes());
        }
        return a.type().compareTo(b.type());
    }

    /**
     * Strings in the order of their UTF-8 bytes, as DynamoDB orders them. Outside surrogates, UTF-16 code units order
     * as UTF-8 bytes do, so the characters are compared as they are, without encoding either string (this runs at
     * every step of every key look-up); only where the first difference is at a surrogate are the two strings encoded
     * and their bytes compared. (A string that is the start of the other is the smaller in both orders, a lone
     * surrogate included: UTF-8 writes it as '?', below any byte of an encoded pair.)
     */
    public static int compareStrings(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                return Character.isSurrogate(ca) || Character.isSurrogate(cb) ? compareUtf8(a, b) : ca - cb;
            }
        }
        return a.length() - b.length();
    }

    static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    public static int compareNumbers(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        return new BigDecimal(a).compareTo(new BigDecimal(b));
    }
}
