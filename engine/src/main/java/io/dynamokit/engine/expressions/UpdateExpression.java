package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed UpdateExpression. */
public final class UpdateExpression {
    private UpdateExpression() {
    }

    public static UpdateExpression parse(String text, ExpressionContext ctx) {
        throw new IllegalStateException("not yet implemented");
    }

    public Map<String, AttributeValue> apply(Map<String, AttributeValue> existingOrNull) {
        throw new IllegalStateException("not yet implemented");
    }

    public List<AttributePath> paths() {
        throw new IllegalStateException("not yet implemented");
    }

    public Set<String> topLevelAttributes() {
        throw new IllegalStateException("not yet implemented");
    }
}
