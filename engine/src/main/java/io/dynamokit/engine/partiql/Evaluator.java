package io.dynamokit.engine.partiql;

import io.dynamokit.engine.expressions.ValueSemantics;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a WHERE clause against an item. A value is an attribute value or null for MISSING; a comparison with
 * MISSING is MISSING, and an item is selected only when its condition is {@code true}. IS NULL holds only for a
 * stored NULL. Comparisons follow the condition expressions' semantics ({@link ValueSemantics}).
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Whether the item (null: no item) satisfies the condition (null: no condition). */
    public static boolean test(Ast.Expr condition, Map<String, AttributeValue> item) {
        return condition == null || value(condition, item) instanceof AttributeValue.BOOL b && b.value();
    }

    static AttributeValue value(Ast.Expr expr, Map<String, AttributeValue> item) {
        if (expr instanceof Ast.Literal l) {
            return l.value();
        }
        if (expr instanceof Ast.Path p) {
            return get(item, p);
        }
        if (expr instanceof Ast.And and) {
            Boolean left = truth(value(and.left(), item));
            Boolean right = truth(value(and.right(), item));
            if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
                return AttributeValue.FALSE;
            }
            return left == null || right == null ? null : AttributeValue.TRUE;
        }
        if (expr instanceof Ast.Or or) {
            Boolean left = truth(value(or.left(), item));
            Boolean right = truth(value(or.right(), item));
            if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
                return AttributeValue.TRUE;
            }
            return left == null || right == null ? null : AttributeValue.FALSE;
        }
        if (expr instanceof Ast.Not not) {
            Boolean inner = truth(value(not.inner(), item));
            return inner == null ? null : bool(!inner);
        }
        if (expr instanceof Ast.Compare c) {
            return compare(c.op(), value(c.left(), item), value(c.right(), item));
        }
        if (expr instanceof Ast.Between b) {
            AttributeValue subject = value(b.subject(), item);
            AttributeValue low = compare(">=", subject, value(b.low(), item));
            AttributeValue high = compare("<=", subject, value(b.high(), item));
            if (low == null || high == null) {
                return null;
            }
            return bool(((AttributeValue.BOOL) low).value() && ((AttributeValue.BOOL) high).value());
        }
        if (expr instanceof Ast.In in) {
            AttributeValue subject = value(in.subject(), item);
            if (subject == null) {
                return null;
            }
            for (Ast.Expr candidate : in.candidates()) {
                if (ValueSemantics.same(subject, value(candidate, item))) {
                    return AttributeValue.TRUE;
                }
            }
            return AttributeValue.FALSE;
        }
        if (expr instanceof Ast.Is is) {
            return bool(is(value(is.subject(), item), is.type()) != is.negated());
        }
        if (expr instanceof Ast.Arith a) {
            AttributeValue left = value(a.left(), item);
            AttributeValue right = value(a.right(), item);
            if (!(left instanceof AttributeValue.N l) || !(right instanceof AttributeValue.N r)) {
                return null;
            }
            BigDecimal result = a.op().equals("+") ? l.decimal().add(r.decimal()) : l.decimal().subtract(r.decimal());
            return AttributeValue.n(result);
        }
        return call((Ast.Call) expr, item);
    }

    private static AttributeValue call(Ast.Call call, Map<String, AttributeValue> item) {
        List<Ast.Expr> args = call.args();
        switch (call.name()) {
            case "attribute_exists":
                arity(call, 1);
                return bool(value(args.get(0), item) != null);
            case "attribute_not_exists":
                arity(call, 1);
                return bool(value(args.get(0), item) == null);
            case "begins_with":
                arity(call, 2);
                return nullOr(value(args.get(0), item), value(args.get(1), item),
                        ValueSemantics::beginsWith);
            case "contains":
                arity(call, 2);
                return nullOr(value(args.get(0), item), value(args.get(1), item), ValueSemantics::contains);
            case "size":
                arity(call, 1);
                return ValueSemantics.size(value(args.get(0), item));
            case "attribute_type": {
                arity(call, 2);
                AttributeValue v = value(args.get(0), item);
                AttributeValue type = value(args.get(1), item);
                if (v == null || !(type instanceof AttributeValue.S s)) {
                    return v == null ? AttributeValue.FALSE : null;
                }
                return bool(v.type().equals(s.value()));
            }
            default:
                throw DynamoException.validation("Unsupported function: " + call.name());
        }
    }

    private static void arity(Ast.Call call, int count) {
        if (call.args().size() != count) {
            throw DynamoException.validation("Incorrect number of arguments for function: " + call.name());
        }
    }

    private static AttributeValue nullOr(AttributeValue a, AttributeValue b,
            java.util.function.BiPredicate<AttributeValue, AttributeValue> test) {
        return a == null || b == null ? null : bool(test.test(a, b));
    }

    private static boolean is(AttributeValue v, String type) {
        switch (type) {
            case "MISSING":
                return v == null;
            case "NULL":
                return v instanceof AttributeValue.NULL;
            case "SET":
                return v instanceof AttributeValue.SS || v instanceof AttributeValue.NS
                        || v instanceof AttributeValue.BS;
            default:
                return v != null && v.type().equals(type);
        }
    }

    private static AttributeValue compare(String op, AttributeValue left, AttributeValue right) {
        if (left == null || right == null) {
            return null;
        }
        switch (op) {
            case "=":
                return bool(ValueSemantics.same(left, right));
            case "<>":
                return bool(!ValueSemantics.same(left, right));
            default:
                Integer order = ValueSemantics.order(left, right);
                if (order == null) {
                    return null;
                }
                return bool(switch (op) {
                    case "<" -> order < 0;
                    case "<=" -> order <= 0;
                    case ">" -> order > 0;
                    default -> order >= 0;
                });
        }
    }

    private static Boolean truth(AttributeValue v) {
        return v instanceof AttributeValue.BOOL b ? b.value() : null;
    }

    private static AttributeValue bool(boolean b) {
        return b ? AttributeValue.TRUE : AttributeValue.FALSE;
    }

    /** The value at a path of an item, or null when any step is missing or of another type. */
    public static AttributeValue get(Map<String, AttributeValue> item, Ast.Path path) {
        if (item == null) {
            return null;
        }
        AttributeValue current = item.get(path.first());
        for (int i = 1; i < path.elements().size() && current != null; i++) {
            Object step = path.elements().get(i);
            if (step instanceof String name) {
                current = current instanceof AttributeValue.M m ? m.values().get(name) : null;
            } else {
                int index = (Integer) step;
                current = current instanceof AttributeValue.L l && index < l.values().size()
                        ? l.values().get(index) : null;
            }
        }
        return current;
    }
}
