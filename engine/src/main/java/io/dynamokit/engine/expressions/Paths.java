package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Resolving document paths as written, DynamoDB's path checks and messages, and reading a path in an item. */
final class Paths {
    /** DynamoDB's limit of nesting levels in a document path. */
    static final int MAX_DEPTH = 32;

    private Paths() {
    }

    /**
     * Resolves {@code #name} elements and checks unescaped names against the reserved words. Errors go to
     * {@code errors}: undefined names under {@code nameKind}, reserved words under {@link Errors#RESERVED}.
     */
    static AttributePath resolve(Syntax.Path path, ExpressionContext ctx, Errors errors, String nameKind) {
        List<Object> elements = new ArrayList<>(path.elements().size());
        for (Object element : path.elements()) {
            if (element instanceof String name) {
                if (name.startsWith("#")) {
                    String resolved = errors.has(nameKind) ? null : ctx.name(name);
                    if (resolved == null && !errors.has(nameKind)) {
                        errors.add(nameKind,
                                "An expression attribute name used in the document path is not defined; attribute name: "
                                        + name);
                    }
                    elements.add(resolved == null ? name : resolved);
                } else {
                    if (ReservedWords.isReserved(name)) {
                        errors.add(Errors.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + name);
                    }
                    elements.add(name);
                }
            } else {
                elements.add(element);
            }
        }
        if (elements.size() > MAX_DEPTH) {
            errors.add(Errors.LIMIT,
                    "The document path has too many nesting levels; nesting levels: " + elements.size());
        }
        return new AttributePath(elements);
    }

    /** DynamoDB's rendering of a path in messages: {@code [a, b, [3]]}. */
    static String format(AttributePath path) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < path.elements().size(); i++) {
            Object element = path.elements().get(i);
            if (i > 0) {
                out.append(", ");
            }
            out.append(element instanceof Integer ? "[" + element + "]" : element);
        }
        return out.append(']').toString();
    }

    /**
     * Paths written by one update or read by one projection may neither repeat nor contain one another (overlap),
     * nor use a list index where another uses a map key (conflict).
     */
    static void checkOverlaps(List<AttributePath> paths, Errors errors) {
        List<AttributePath> seen = new ArrayList<>();
        for (AttributePath path : paths) {
            for (AttributePath earlier : seen) {
                compare(earlier, path, errors);
                if (errors.has(Errors.OVERLAP)) {
                    return;
                }
            }
            seen.add(path);
        }
    }

    private static void compare(AttributePath one, AttributePath two, Errors errors) {
        List<Object> a = one.elements();
        List<Object> b = two.elements();
        for (int i = 0; i < a.size() && i < b.size(); i++) {
            if ((a.get(i) instanceof Integer) != (b.get(i) instanceof Integer)) {
                errors.add(Errors.CONFLICT, "Two document paths conflict with each other; must remove or rewrite one of "
                        + "these paths; path one: " + format(one) + ", path two: " + format(two));
                return;
            }
            if (!a.get(i).equals(b.get(i))) {
                return;
            }
        }
        errors.add(Errors.OVERLAP, "Two document paths overlap with each other; must remove or rewrite one of these "
                + "paths; path one: " + format(one) + ", path two: " + format(two));
    }

    /** The value at {@code path} in {@code item}, or null when any step is missing or of another type. */
    static AttributeValue get(Map<String, AttributeValue> item, AttributePath path) {
        if (item == null) {
            return null;
        }
        List<Object> elements = path.elements();
        AttributeValue current = item.get((String) elements.get(0));
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = child(current, elements.get(i));
        }
        return current;
    }

    static AttributeValue child(AttributeValue parent, Object element) {
        if (element instanceof String key) {
            return parent instanceof AttributeValue.M m ? m.values().get(key) : null;
        }
        int index = (Integer) element;
        if (parent instanceof AttributeValue.L l) {
            return index < l.values().size() ? l.values().get(index) : null;
        }
        return null;
    }
}
