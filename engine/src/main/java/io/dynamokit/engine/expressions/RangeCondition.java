package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;

/** A Query's condition on the range key. */
public record RangeCondition(Op op, AttributeValue first, AttributeValue secondOrNull) {
    public enum Op { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    public boolean test(AttributeValue rangeValue) {
        throw new IllegalStateException("not yet implemented");
    }
}
