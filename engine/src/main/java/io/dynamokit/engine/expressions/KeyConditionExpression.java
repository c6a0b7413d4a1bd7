package io.dynamokit.engine.expressions;

/** A parsed KeyConditionExpression, bound to a key schema by {@link #bind}. */
public final class KeyConditionExpression {
    private KeyConditionExpression() {
    }

    public static KeyConditionExpression parse(String text, ExpressionContext ctx) {
        throw new IllegalStateException("not yet implemented");
    }

    public KeyCondition bind(String hashKeyName, String hashKeyType, String rangeKeyNameOrNull,
            String rangeKeyTypeOrNull) {
        throw new IllegalStateException("not yet implemented");
    }
}
