package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.KeyOrder;

/** A Query's condition on the range key; values of another type than the key's never match. */
public record RangeCondition(Op op, AttributeValue first, AttributeValue secondOrNull) {
    public enum Op { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    public boolean test(AttributeValue rangeValue) {
        if (rangeValue == null || !rangeValue.type().equals(first.type())) {
            return false;
        }
        if (op == Op.BEGINS_WITH) {
            return Values.beginsWith(rangeValue, first);
        }
        int c = KeyOrder.INSTANCE.compare(rangeValue, first);
        return switch (op) {
            case EQ -> c == 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> c >= 0 && KeyOrder.INSTANCE.compare(rangeValue, secondOrNull) <= 0;
        };
    }
}
