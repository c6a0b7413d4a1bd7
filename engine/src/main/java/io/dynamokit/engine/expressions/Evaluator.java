package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import java.util.Map;

/** Evaluates a checked condition against an item (null: no item), with DynamoDB's semantics. */
final class Evaluator {
    private Evaluator() {
    }

    static boolean test(Expr expr, Map<String, AttributeValue> item) {
        if (expr instanceof Expr.And and) {
            return test(and.left(), item) && test(and.right(), item);
        }
        if (expr instanceof Expr.Or or) {
            return test(or.left(), item) || test(or.right(), item);
        }
        if (expr instanceof Expr.Not not) {
            return !test(not.inner(), item);
        }
        if (expr instanceof Expr.Compare c) {
            AttributeValue left = value(c.left(), item);
            AttributeValue right = value(c.right(), item);
            if (c.op().equals("=")) {
                return Values.same(left, right);
            }
            if (c.op().equals("<>")) {
                return !Values.same(left, right);
            }
            Integer order = Values.order(left, right);
            if (order == null) {
                return false;
            }
            return switch (c.op()) {
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                default -> order >= 0;
            };
        }
        if (expr instanceof Expr.Between b) {
            AttributeValue subject = value(b.subject(), item);
            Integer low = Values.order(subject, value(b.low(), item));
            Integer high = Values.order(subject, value(b.high(), item));
            return low != null && high != null && low >= 0 && high <= 0;
        }
        if (expr instanceof Expr.In in) {
            AttributeValue subject = value(in.subject(), item);
            for (Expr candidate : in.candidates()) {
                if (Values.same(subject, value(candidate, item))) {
                    return true;
                }
            }
            return false;
        }
        Expr.Call call = (Expr.Call) expr;
        return switch (call.name()) {
            case "attribute_exists" -> value(call.args().get(0), item) != null;
            case "attribute_not_exists" -> value(call.args().get(0), item) == null;
            case "attribute_type" -> {
                AttributeValue v = value(call.args().get(0), item);
                AttributeValue type = value(call.args().get(1), item);
                yield v != null && type instanceof AttributeValue.S s && v.type().equals(s.value());
            }
            case "begins_with" -> Values.beginsWith(value(call.args().get(0), item), value(call.args().get(1), item));
            case "contains" -> Values.contains(value(call.args().get(0), item), value(call.args().get(1), item));
            default -> throw new IllegalStateException("not a condition: " + call.name());
        };
    }

    /** An operand's value; null when it refers to nothing (a missing attribute, size() of a number). */
    static AttributeValue value(Expr expr, Map<String, AttributeValue> item) {
        if (expr instanceof Expr.PathRef p) {
            return Paths.get(item, p.path());
        }
        if (expr instanceof Expr.Literal l) {
            return l.value();
        }
        if (expr instanceof Expr.Call c && c.name().equals("size")) {
            AttributeValue v = value(c.args().get(0), item);
            return v == null ? null : Values.size(v);
        }
        throw new IllegalStateException("not an operand: " + expr);
    }
}
