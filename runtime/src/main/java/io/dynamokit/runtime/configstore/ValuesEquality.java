package io.dynamokit.runtime.configstore;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Equality of unmarshalled values, where binary values ({@code byte[]}) compare by content, so that a reload does not
 * report an unchanged binary value as changed.
 */
final class ValuesEquality {

    private ValuesEquality() {
    }

    static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!y.containsKey(entry.getKey()) || !same(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!same(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Set<?> x && b instanceof Set<?> y) {
            return x.size() == y.size() && containsAll(x, y);
        }
        return Objects.equals(a, b);
    }

    /** Sets of binary values hold arrays: compared element by element. */
    private static boolean containsAll(Collection<?> x, Collection<?> y) {
        if (x.isEmpty() || !(x.iterator().next() instanceof byte[])) {
            return y.containsAll(x);
        }
        for (Object element : x) {
            boolean found = false;
            for (Object other : y) {
                if (same(element, other)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
