package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import java.util.Map;
import java.util.Set;

/** A parsed ConditionExpression or FilterExpression. */
public final class ConditionExpression {
    private ConditionExpression() {
    }

    public static ConditionExpression parse(String text, ExpressionContext ctx, String parameterName) {
        throw new IllegalStateException("not yet implemented");
    }

    public boolean test(Map<String, AttributeValue> itemOrNull) {
        throw new IllegalStateException("not yet implemented");
    }

    public Set<String> topLevelAttributes() {
        throw new IllegalStateException("not yet implemented");
    }
}
