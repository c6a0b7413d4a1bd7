package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A parsed and checked ConditionExpression or FilterExpression. */
public final class ConditionExpression {
    private final Expr expr;
    private final Set<String> topLevel;

    private ConditionExpression(Expr expr) {
        this.expr = expr;
        Set<String> names = new LinkedHashSet<>();
        collectTopLevel(expr, names);
        this.topLevel = Collections.unmodifiableSet(names);
    }

    /**
     * Parses and checks {@code text}; {@code parameterName} ("ConditionExpression" or "FilterExpression") names it
     * in DynamoDB's messages ("Invalid FilterExpression: ...").
     */
    public static ConditionExpression parse(String text, ExpressionContext ctx, String parameterName) {
        return new ConditionExpression(Expressions.condition(text, ctx, parameterName));
    }

    /** A condition built as a tree rather than parsed (the legacy Expected, QueryFilter and ScanFilter). */
    static ConditionExpression of(Expr expr) {
        return new ConditionExpression(expr);
    }

    /** Whether the item (null: no such item) satisfies the condition. */
    public boolean test(Map<String, AttributeValue> itemOrNull) {
        return Evaluator.test(expr, itemOrNull);
    }

    /** The top-level attribute names the condition reads. */
    public Set<String> topLevelAttributes() {
        return topLevel;
    }

    Expr expr() {
        return expr;
    }

    static void collectTopLevel(Expr expr, Set<String> names) {
        if (expr instanceof Expr.PathRef p) {
            names.add(p.path().topLevel());
        } else if (expr instanceof Expr.Call c) {
            c.args().forEach(a -> collectTopLevel(a, names));
        } else if (expr instanceof Expr.Arith a) {
            collectTopLevel(a.left(), names);
            collectTopLevel(a.right(), names);
        } else if (expr instanceof Expr.Compare c) {
            collectTopLevel(c.left(), names);
            collectTopLevel(c.right(), names);
        } else if (expr instanceof Expr.Between b) {
            collectTopLevel(b.subject(), names);
            collectTopLevel(b.low(), names);
            collectTopLevel(b.high(), names);
        } else if (expr instanceof Expr.In in) {
            collectTopLevel(in.subject(), names);
            in.candidates().forEach(c -> collectTopLevel(c, names));
        } else if (expr instanceof Expr.And a) {
            collectTopLevel(a.left(), names);
            collectTopLevel(a.right(), names);
        } else if (expr instanceof Expr.Or o) {
            collectTopLevel(o.left(), names);
            collectTopLevel(o.right(), names);
        } else if (expr instanceof Expr.Not n) {
            collectTopLevel(n.inner(), names);
        }
    }
}
