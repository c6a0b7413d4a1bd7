package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** A parsed ProjectionExpression (or a projection built from paths). */
public final class ProjectionExpression {
    private final List<AttributePath> paths;

    private ProjectionExpression(List<AttributePath> paths) {
        this.paths = List.copyOf(paths);
    }

    public static ProjectionExpression parse(String text, ExpressionContext ctx) {
        throw new IllegalStateException("not yet implemented");
    }

    public static ProjectionExpression of(List<AttributePath> paths) {
        return new ProjectionExpression(paths);
    }

    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        throw new IllegalStateException("not yet implemented");
    }

    public List<AttributePath> paths() {
        return paths;
    }
}
