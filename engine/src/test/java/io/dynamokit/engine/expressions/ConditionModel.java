package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small model of conditions for the property test: its own tree, its rendering to expression text, and a
 * reference evaluator written from DynamoDB's documented semantics, independently of the engine's evaluator.
 */
final class ConditionModel {
    private ConditionModel() {
    }

    sealed interface Operand {
    }

    /** A path such as {@code a0}, {@code m.k} or {@code l[1]}; {@code alias} renders its first name as {@code #}. */
    record Attr(String path, boolean alias) implements Operand {
    }

    record Val(AttributeValue value) implements Operand {
    }

    record Size(Attr attr) implements Operand {
    }

    sealed interface Cond {
    }

    record Cmp(String op, Operand left, Operand right) implements Cond {
    }

    record Betw(Operand subject, Val low, Val high) implements Cond {
    }

    record InList(Operand subject, List<Val> candidates) implements Cond {
    }

    record Fn(String name, Attr attr, Val arg) implements Cond {
    }

    record And(Cond left, Cond right) implements Cond {
    }

    record Or(Cond left, Cond right) implements Cond {
    }

    record Not(Cond inner) implements Cond {
    }

    // ---- rendering

    /** Renders a condition, recording each value under a fresh {@code :vN} and each alias under {@code #name}. */
    static String render(Cond c, Map<String, AttributeValue> values, Map<String, String> names) {
        if (c instanceof And a) {
            return group(a.left(), values, names) + " AND " + group(a.right(), values, names);
        }
        if (c instanceof Or o) {
            return group(o.left(), values, names) + " or " + group(o.right(), values, names);
        }
        if (c instanceof Not n) {
            return "NOT " + group(n.inner(), values, names);
        }
        if (c instanceof Cmp cmp) {
            return render(cmp.left(), values, names) + " " + cmp.op() + " " + render(cmp.right(), values, names);
        }
        if (c instanceof Betw b) {
            return render(b.subject(), values, names) + " BETWEEN " + render(b.low(), values, names) + " and "
                    + render(b.high(), values, names);
        }
        if (c instanceof InList in) {
            StringBuilder out = new StringBuilder(render(in.subject(), values, names)).append(" IN (");
            for (int i = 0; i < in.candidates().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(render(in.candidates().get(i), values, names));
            }
            return out.append(')').toString();
        }
        Fn fn = (Fn) c;
        String attr = render(fn.attr(), values, names);
        return fn.arg() == null ? fn.name() + "(" + attr + ")"
                : fn.name() + "(" + attr + ", " + render(fn.arg(), values, names) + ")";
    }

    /** Parentheses around AND, OR and NOT operands that are themselves compound, never doubled. */
    private static String group(Cond c, Map<String, AttributeValue> values, Map<String, String> names) {
        String text = render(c, values, names);
        return c instanceof And || c instanceof Or || c instanceof Not ? "(" + text + ")" : text;
    }

    private static String render(Operand o, Map<String, AttributeValue> values, Map<String, String> names) {
        if (o instanceof Val v) {
            String ref = ":v" + values.size();
            values.put(ref, v.value());
            return ref;
        }
        if (o instanceof Size s) {
            return "size(" + render(s.attr(), values, names) + ")";
        }
        Attr a = (Attr) o;
        if (!a.alias()) {
            return a.path();
        }
        int end = firstNameEnd(a.path());
        String first = a.path().substring(0, end);
        names.put("#" + first, first);
        return "#" + first + a.path().substring(end);
    }

    private static int firstNameEnd(String path) {
        int i = 0;
        while (i < path.length() && Character.isLetterOrDigit(path.charAt(i))) {
            i++;
        }
        return i;
    }

    // ---- the first error DynamoDB reports for the conditions this model generates

    /** The message DynamoDB gives for the first simple condition with an operand error, or null. */
    static String expectedError(Cond c) {
        if (c instanceof And a) {
            String left = expectedError(a.left());
            return left != null ? left : expectedError(a.right());
        }
        if (c instanceof Or o) {
            String left = expectedError(o.left());
            return left != null ? left : expectedError(o.right());
        }
        if (c instanceof Not n) {
            return expectedError(n.inner());
        }
        if (c instanceof Cmp cmp && cmp.left() instanceof Attr l && cmp.right() instanceof Attr r
                && l.path().equals(r.path())) {
            return "The first operand must be distinct from the remaining operands for this operator or function; "
                    + "operator: " + cmp.op() + ", first operand: " + pathText(l.path());
        }
        if (c instanceof Betw b) {
            AttributeValue low = b.low().value();
            AttributeValue high = b.high().value();
            String bounds = "lower bound operand: AttributeValue: {" + low.type() + ":" + scalar(low)
                    + "}, upper bound operand: AttributeValue: {" + high.type() + ":" + scalar(high) + "}";
            if (!low.type().equals(high.type())) {
                return "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds;
            }
            Integer order = order(low, high);
            if (order != null && order > 0) {
                return "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                        + bounds;
            }
        }
        if (c instanceof Fn fn && fn.name().equals("begins_with")) {
            String type = fn.arg().value().type();
            if (!type.equals("S") && !type.equals("B")) {
                return "Incorrect operand type for operator or function; operator or function: begins_with, "
                        + "operand type: " + type;
            }
        }
        return null;
    }

    private static String pathText(String path) {
        return "[" + path.replace("[", ", [").replace(".", ", ") + "]";
    }

    private static String scalar(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return s.value();
        }
        if (v instanceof AttributeValue.N n) {
            return n.value();
        }
        if (v instanceof AttributeValue.B b) {
            return java.util.Base64.getEncoder().encodeToString(b.bytes());
        }
        if (v instanceof AttributeValue.BOOL b) {
            return String.valueOf(b.value());
        }
        if (v instanceof AttributeValue.NULL) {
            return "true";
        }
        if (v instanceof AttributeValue.SS ss) {
            return ss.values().toString();
        }
        if (v instanceof AttributeValue.NS ns) {
            return ns.values().toString();
        }
        return String.valueOf(v);
    }

    // ---- reference evaluation

    static boolean eval(Cond c, Map<String, AttributeValue> item) {
        if (c instanceof And a) {
            return eval(a.left(), item) && eval(a.right(), item);
        }
        if (c instanceof Or o) {
            return eval(o.left(), item) || eval(o.right(), item);
        }
        if (c instanceof Not n) {
            return !eval(n.inner(), item);
        }
        if (c instanceof Cmp cmp) {
            AttributeValue l = value(cmp.left(), item);
            AttributeValue r = value(cmp.right(), item);
            switch (cmp.op()) {
                case "=":
                    return equal(l, r);
                case "<>":
                    return !equal(l, r);
                default:
                    Integer o = order(l, r);
                    if (o == null) {
                        return false;
                    }
                    return switch (cmp.op()) {
                        case "<" -> o < 0;
                        case "<=" -> o <= 0;
                        case ">" -> o > 0;
                        default -> o >= 0;
                    };
            }
        }
        if (c instanceof Betw b) {
            AttributeValue v = value(b.subject(), item);
            Integer low = order(v, b.low().value());
            Integer high = order(v, b.high().value());
            return low != null && high != null && low >= 0 && high <= 0;
        }
        if (c instanceof InList in) {
            AttributeValue v = value(in.subject(), item);
            return in.candidates().stream().anyMatch(x -> equal(v, x.value()));
        }
        Fn fn = (Fn) c;
        AttributeValue v = value(fn.attr(), item);
        AttributeValue arg = fn.arg() == null ? null : fn.arg().value();
        return switch (fn.name()) {
            case "attribute_exists" -> v != null;
            case "attribute_not_exists" -> v == null;
            case "attribute_type" -> v != null && v.type().equals(((AttributeValue.S) arg).value());
            case "begins_with" -> beginsWith(v, arg);
            default -> contains(v, arg);
        };
    }

    static AttributeValue value(Operand o, Map<String, AttributeValue> item) {
        if (o instanceof Val v) {
            return v.value();
        }
        if (o instanceof Size s) {
            AttributeValue v = value(s.attr(), item);
            Integer size = null;
            if (v instanceof AttributeValue.S str) {
                size = str.value().length();
            } else if (v instanceof AttributeValue.B b) {
                size = b.bytes().length;
            } else if (v instanceof AttributeValue.SS ss) {
                size = ss.values().size();
            } else if (v instanceof AttributeValue.NS ns) {
                size = ns.values().size();
            } else if (v instanceof AttributeValue.L l) {
                size = l.values().size();
            } else if (v instanceof AttributeValue.M m) {
                size = m.values().size();
            }
            return size == null ? null : new AttributeValue.N(String.valueOf(size));
        }
        String path = ((Attr) o).path();
        if (path.contains(".")) {
            String[] parts = path.split("\\.");
            AttributeValue parent = item.get(parts[0]);
            return parent instanceof AttributeValue.M m ? m.values().get(parts[1]) : null;
        }
        if (path.contains("[")) {
            String name = path.substring(0, path.indexOf('['));
            int index = Integer.parseInt(path.substring(path.indexOf('[') + 1, path.indexOf(']')));
            AttributeValue parent = item.get(name);
            return parent instanceof AttributeValue.L l && index < l.values().size() ? l.values().get(index) : null;
        }
        return item.get(path);
    }

    static boolean equal(AttributeValue a, AttributeValue b) {
        if (a == null || b == null || !a.type().equals(b.type())) {
            return false;
        }
        if (a instanceof AttributeValue.N x) {
            return new BigDecimal(x.value()).compareTo(new BigDecimal(((AttributeValue.N) b).value())) == 0;
        }
        if (a instanceof AttributeValue.NS x) {
            return numbers(x.values()).equals(numbers(((AttributeValue.NS) b).values()));
        }
        if (a instanceof AttributeValue.L x) {
            List<AttributeValue> y = ((AttributeValue.L) b).values();
            if (x.values().size() != y.size()) {
                return false;
            }
            for (int i = 0; i < y.size(); i++) {
                if (!equal(x.values().get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof AttributeValue.M x) {
            Map<String, AttributeValue> y = ((AttributeValue.M) b).values();
            return x.values().keySet().equals(y.keySet())
                    && x.values().entrySet().stream().allMatch(e -> equal(e.getValue(), y.get(e.getKey())));
        }
        return a.equals(b);
    }

    private static Set<BigDecimal> numbers(Set<String> texts) {
        Set<BigDecimal> out = new HashSet<>();
        texts.forEach(t -> out.add(new BigDecimal(t).stripTrailingZeros()));
        return out;
    }

    /** Order of two S, N or B values of one type (ASCII strings only in this model); otherwise null. */
    static Integer order(AttributeValue a, AttributeValue b) {
        if (a == null || b == null || !a.type().equals(b.type())) {
            return null;
        }
        if (a instanceof AttributeValue.S x) {
            return Integer.signum(x.value().compareTo(((AttributeValue.S) b).value()));
        }
        if (a instanceof AttributeValue.N x) {
            return new BigDecimal(x.value()).compareTo(new BigDecimal(((AttributeValue.N) b).value()));
        }
        if (a instanceof AttributeValue.B x) {
            return Integer.signum(Arrays.compareUnsigned(x.bytes(), ((AttributeValue.B) b).bytes()));
        }
        return null;
    }

    private static boolean beginsWith(AttributeValue v, AttributeValue prefix) {
        if (v instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
            return s.value().startsWith(p.value());
        }
        if (v instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
            return b.bytes().length >= p.bytes().length
                    && Arrays.equals(Arrays.copyOf(b.bytes(), p.bytes().length), p.bytes());
        }
        return false;
    }

    private static boolean contains(AttributeValue v, AttributeValue arg) {
        if (v instanceof AttributeValue.S s) {
            return arg instanceof AttributeValue.S a && s.value().contains(a.value());
        }
        if (v instanceof AttributeValue.B b) {
            return arg instanceof AttributeValue.B a && new String(b.bytes(), StandardCharsets.ISO_8859_1)
                    .contains(new String(a.bytes(), StandardCharsets.ISO_8859_1));
        }
        if (v instanceof AttributeValue.BS bs) {
            return arg instanceof AttributeValue.B a && bs.values().contains(a);
        }
        if (v instanceof AttributeValue.SS ss) {
            return arg instanceof AttributeValue.S a && ss.values().contains(a.value());
        }
        if (v instanceof AttributeValue.NS ns) {
            return arg instanceof AttributeValue.N a && numbers(ns.values()).contains(
                    new BigDecimal(a.value()).stripTrailingZeros());
        }
        if (v instanceof AttributeValue.L l) {
            return l.values().stream().anyMatch(e -> equal(e, arg));
        }
        return false;
    }
}
