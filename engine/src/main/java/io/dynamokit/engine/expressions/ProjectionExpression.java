package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed ProjectionExpression, or a projection of given paths (AttributesToGet, index projections). Projecting
 * keeps the item's shape: {@code a.b} gives {@code {a: {b: ...}}}; list elements named by index come back as a list
 * of just those elements, in index order.
 */
public final class ProjectionExpression {
    private final List<AttributePath> paths;

    private ProjectionExpression(List<AttributePath> paths) {
        this.paths = List.copyOf(paths);
    }

    public static ProjectionExpression parse(String text, ExpressionContext ctx) {
        List<Syntax.Path> syntax = Expressions.projection(text);
        Errors errors = new Errors();
        List<AttributePath> paths = new ArrayList<>();
        for (Syntax.Path path : syntax) {
            paths.add(Paths.resolve(path, ctx, errors, Errors.NAME));
        }
        Paths.checkOverlaps(paths, errors);
        errors.throwFirst("ProjectionExpression", Errors.RESERVED, Errors.LIMIT, Errors.NAME, Errors.OVERLAP,
                Errors.CONFLICT);
        return new ProjectionExpression(paths);
    }

    public static ProjectionExpression of(List<AttributePath> paths) {
        return new ProjectionExpression(paths);
    }

    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, Node> top = new LinkedHashMap<>();
        for (AttributePath path : paths) {
            AttributeValue value = Paths.get(item, path);
            if (value == null) {
                continue;
            }
            List<Object> elements = path.elements();
            Node node = top.computeIfAbsent((String) elements.get(0), k -> new Node());
            for (int i = 1; i < elements.size() && node.leaf == null; i++) {
                node = node.child(elements.get(i));
            }
            if (node.leaf == null) {
                node.leaf = value;
            }
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        top.forEach((name, node) -> out.put(name, node.build()));
        return out;
    }

    public List<AttributePath> paths() {
        return paths;
    }

    /** The part of the item a projection keeps: a whole value (leaf), or some keys of a map or elements of a list. */
    private static final class Node {
        AttributeValue leaf;
        Map<String, Node> keys;
        TreeMap<Integer, Node> indexes;

        Node child(Object element) {
            if (element instanceof String key) {
                if (keys == null) {
                    keys = new LinkedHashMap<>();
                }
                return keys.computeIfAbsent(key, k -> new Node());
            }
            if (indexes == null) {
                indexes = new TreeMap<>();
            }
            return indexes.computeIfAbsent((Integer) element, k -> new Node());
        }

        AttributeValue build() {
            if (leaf != null) {
                return leaf;
            }
            if (keys != null) {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                keys.forEach((key, node) -> map.put(key, node.build()));
                return new AttributeValue.M(map);
            }
            List<AttributeValue> list = new ArrayList<>();
            indexes.values().forEach(node -> list.add(node.build()));
            return new AttributeValue.L(list);
        }
    }
}
