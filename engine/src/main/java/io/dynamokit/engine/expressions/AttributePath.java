package io.dynamokit.engine.expressions;

import java.util.List;

/** A document path: a String element is an attribute or map key, an Integer element a list index. */
public record AttributePath(List<Object> elements) {
    public AttributePath {
        elements = List.copyOf(elements);
    }

    public String topLevel() {
        return (String) elements.get(0);
    }
}
