package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import java.util.Map;

/** The names and values of one request, shared by all its expressions, tracking which of them were used. */
public final class ExpressionContext {
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;

    public ExpressionContext(Map<String, String> expressionAttributeNames,
            Map<String, AttributeValue> expressionAttributeValues) {
        this.names = expressionAttributeNames;
        this.values = expressionAttributeValues;
    }

    public void checkAllUsed() {
    }
}
