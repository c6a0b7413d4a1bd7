package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.KeyOrder;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** DynamoDB's comparison semantics over attribute values, as conditions use them. */
final class Values {
    private Values() {
    }

    /** Equal when of one type and one value; sets regardless of order, numbers by value. */
    static boolean same(AttributeValue a, AttributeValue b) {
        if (a == null || b == null || !a.type().equals(b.type())) {
            return false;
        }
        if (a instanceof AttributeValue.N na) {
            return KeyOrder.compareNumbers(na.value(), ((AttributeValue.N) b).value()) == 0;
        }
        if (a instanceof AttributeValue.NS na) {
            return numberSet(na.values()).equals(numberSet(((AttributeValue.NS) b).values()));
        }
        if (a instanceof AttributeValue.L la) {
            List<AttributeValue> lb = ((AttributeValue.L) b).values();
            if (la.values().size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < lb.size(); i++) {
                if (!same(la.values().get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof AttributeValue.M ma) {
            Map<String, AttributeValue> mb = ((AttributeValue.M) b).values();
            if (ma.values().size() != mb.size()) {
                return false;
            }
            for (Map.Entry<String, AttributeValue> e : ma.values().entrySet()) {
                if (!same(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static Set<BigDecimal> numberSet(Set<String> members) {
        Set<BigDecimal> out = new HashSet<>();
        for (String member : members) {
            out.add(new BigDecimal(member).stripTrailingZeros());
        }
        return out;
    }

    /** The order of two values of one scalar type (S, N, B); null when they are not comparable. */
    static Integer order(AttributeValue a, AttributeValue b) {
        if (a == null || b == null || !a.type().equals(b.type()) || !isScalarKeyType(a)) {
            return null;
        }
        return KeyOrder.INSTANCE.compare(a, b);
    }

    static boolean isScalarKeyType(AttributeValue v) {
        return v instanceof AttributeValue.S || v instanceof AttributeValue.N || v instanceof AttributeValue.B;
    }

    /** size(): characters of a string, bytes of a binary, members of a set, elements of a list or map. */
    static AttributeValue size(AttributeValue v) {
        long size;
        if (v instanceof AttributeValue.S s) {
            size = s.value().codePointCount(0, s.value().length());
        } else if (v instanceof AttributeValue.B b) {
            size = b.bytes().length;
        } else if (v instanceof AttributeValue.SS ss) {
            size = ss.values().size();
        } else if (v instanceof AttributeValue.NS ns) {
            size = ns.values().size();
        } else if (v instanceof AttributeValue.BS bs) {
            size = bs.values().size();
        } else if (v instanceof AttributeValue.L l) {
            size = l.values().size();
        } else if (v instanceof AttributeValue.M m) {
            size = m.values().size();
        } else {
            return null;
        }
        return AttributeValue.n(BigDecimal.valueOf(size));
    }

    static boolean beginsWith(AttributeValue whole, AttributeValue prefix) {
        if (whole instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
            return s.value().startsWith(p.value());
        }
        if (whole instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
            byte[] bytes = b.bytes();
            byte[] start = p.bytes();
            return bytes.length >= start.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
        }
        return false;
    }

    /** contains(): a substring of a string, a member of a set of the operand's type, or an element of a list. */
    static boolean contains(AttributeValue container, AttributeValue operand) {
        if (container == null || operand == null) {
            return false;
        }
        if (container instanceof AttributeValue.S s) {
            return operand instanceof AttributeValue.S o && s.value().contains(o.value());
        }
        if (container instanceof AttributeValue.B b) {
            return operand instanceof AttributeValue.B o && indexOf(b.bytes(), o.bytes()) >= 0;
        }
        if (container instanceof AttributeValue.SS ss) {
            return operand instanceof AttributeValue.S o && ss.values().contains(o.value());
        }
        if (container instanceof AttributeValue.NS ns) {
            if (operand instanceof AttributeValue.N o) {
                for (String member : ns.values()) {
                    if (KeyOrder.compareNumbers(member, o.value()) == 0) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (container instanceof AttributeValue.BS bs) {
            return operand instanceof AttributeValue.B o && bs.values().contains(o);
        }
        if (container instanceof AttributeValue.L l) {
            for (AttributeValue element : l.values()) {
                if (same(element, operand)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** DynamoDB's rendering of a value in messages: {@code AttributeValue: {N:5}}. */
    static String describe(AttributeValue v) {
        String body;
        if (v instanceof AttributeValue.S s) {
            body = s.value();
        } else if (v instanceof AttributeValue.N n) {
            body = n.value();
        } else if (v instanceof AttributeValue.B b) {
            body = Base64.getEncoder().encodeToString(b.bytes());
        } else if (v instanceof AttributeValue.BOOL b) {
            body = String.valueOf(b.value());
        } else if (v instanceof AttributeValue.NULL) {
            body = "true";
        } else if (v instanceof AttributeValue.SS ss) {
            body = ss.values().toString();
        } else if (v instanceof AttributeValue.NS ns) {
            body = ns.values().toString();
        } else {
            body = String.valueOf(v);
        }
        return "AttributeValue: {" + v.type() + ":" + body + "}";
    }
}
