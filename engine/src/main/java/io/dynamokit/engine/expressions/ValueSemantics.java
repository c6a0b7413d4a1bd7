package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;

/**
 * The comparison semantics conditions use (equality, order, size, begins_with, contains), opened to other readers of
 * items, such as PartiQL's WHERE clause, so that both languages compare values the same way.
 */
public final class ValueSemantics {
    private ValueSemantics() {
    }

    /** Equal when of one type and one value; sets regardless of order, numbers by value. */
    public static boolean same(AttributeValue a, AttributeValue b) {
        return Values.same(a, b);
    }

    /** The order of two values of one scalar type (S, N, B); null when they are not comparable. */
    public static Integer order(AttributeValue a, AttributeValue b) {
        return Values.order(a, b);
    }

    /** size(): a number, or null for a value without a size (a number, a boolean, null). */
    public static AttributeValue size(AttributeValue v) {
        return v == null ? null : Values.size(v);
    }

    public static boolean beginsWith(AttributeValue whole, AttributeValue prefix) {
        return Values.beginsWith(whole, prefix);
    }

    public static boolean contains(AttributeValue container, AttributeValue operand) {
        return Values.contains(container, operand);
    }
}
