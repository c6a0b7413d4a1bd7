package io.dynamokit.engine.partiql;

import io.dynamokit.engine.expressions.ExpressionContext;
import io.dynamokit.engine.expressions.UpdateExpression;
import io.dynamokit.engine.expressions.ValueSemantics;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.storage.KeySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a statement asks of a table: the key a write targets (equalities on every key attribute among the WHERE
 * clause's top-level conjuncts), the partitions a SELECT reads (equalities or IN on the partition key, or an OR of
 * them; otherwise it scans), an UPDATE as an update expression, and a SELECT's projection.
 */
public final class Planner {
    private Planner() {
    }

    /** The key of the item a write or single-item read targets; ValidationException unless WHERE fixes all of it. */
    public static Map<String, AttributeValue> key(Ast.Expr where, KeySchema schema) {
        Map<String, AttributeValue> found = new LinkedHashMap<>();
        if (where != null) {
            for (Ast.Expr conjunct : conjuncts(where)) {
                equality(conjunct, found);
            }
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        AttributeValue hash = found.get(schema.hashName());
        AttributeValue range = schema.hasRange() ? found.get(schema.rangeName()) : null;
        if (hash == null || (schema.hasRange() && range == null)) {
            throw DynamoException.validation(Errors.KEY_EQUALITY);
        }
        key.put(schema.hashName(), hash);
        if (range != null) {
            key.put(schema.rangeName(), range);
        }
        return key;
    }

    private static void equality(Ast.Expr expr, Map<String, AttributeValue> found) {
        if (expr instanceof Ast.Compare c && c.op().equals("=")) {
            if (c.left() instanceof Ast.Path p && p.elements().size() == 1 && c.right() instanceof Ast.Literal l
                    && l.value() != null) {
                found.putIfAbsent(p.first(), l.value());
            } else if (c.right() instanceof Ast.Path p && p.elements().size() == 1
                    && c.left() instanceof Ast.Literal l && l.value() != null) {
                found.putIfAbsent(p.first(), l.value());
            }
        }
    }

    static List<Ast.Expr> conjuncts(Ast.Expr expr) {
        List<Ast.Expr> out = new ArrayList<>();
        if (expr instanceof Ast.And and) {
            out.addAll(conjuncts(and.left()));
            out.addAll(conjuncts(and.right()));
        } else {
            out.add(expr);
        }
        return out;
    }

    /** The partition key values a SELECT is confined to, in statement order; null when it must scan. */
    public static List<AttributeValue> partitions(Ast.Expr where, String hashName) {
        if (where == null) {
            return null;
        }
        if (where instanceof Ast.And and) {
            List<AttributeValue> left = partitions(and.left(), hashName);
            return left != null ? left : partitions(and.right(), hashName);
        }
        if (where instanceof Ast.Or or) {
            List<AttributeValue> left = partitions(or.left(), hashName);
            List<AttributeValue> right = partitions(or.right(), hashName);
            if (left == null || right == null) {
                return null;
            }
            List<AttributeValue> both = new ArrayList<>(left);
            right.forEach(v -> addDistinct(both, v));
            return both;
        }
        Map<String, AttributeValue> found = new LinkedHashMap<>();
        equality(where, found);
        if (found.containsKey(hashName)) {
            return List.of(found.get(hashName));
        }
        if (where instanceof Ast.In in && in.subject() instanceof Ast.Path p && p.isName(hashName)) {
            List<AttributeValue> values = new ArrayList<>();
            for (Ast.Expr candidate : in.candidates()) {
                if (!(candidate instanceof Ast.Literal l) || l.value() == null) {
                    return null;
                }
                addDistinct(values, l.value());
            }
            return values;
        }
        return null;
    }

    private static void addDistinct(List<AttributeValue> values, AttributeValue value) {
        for (AttributeValue v : values) {
            if (ValueSemantics.same(v, value)) {
                return;
            }
        }
        values.add(value);
    }

    /** An UPDATE's SET and REMOVE clauses as an update expression (set_add and set_delete become ADD and DELETE). */
    public static UpdateExpression update(List<Ast.Change> changes) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (Ast.Change change : changes) {
            String target = path(change.path(), names);
            Ast.Expr value = change.value();
            if (value == null) {
                removes.add(target);
            } else if (value instanceof Ast.Call call && (call.name().equals("set_add")
                    || call.name().equals("set_delete"))) {
                if (call.args().size() != 2) {
                    throw DynamoException.validation("Incorrect number of arguments for function: " + call.name());
                }
                (call.name().equals("set_add") ? adds : deletes).add(target + " "
                        + operand(call.args().get(1), names, values));
            } else {
                sets.add(target + " = " + operand(value, names, values));
            }
        }
        StringBuilder text = new StringBuilder();
        clause(text, "SET", sets);
        clause(text, "REMOVE", removes);
        clause(text, "ADD", adds);
        clause(text, "DELETE", deletes);
        ExpressionContext ctx = new ExpressionContext(names.isEmpty() ? null : names,
                values.isEmpty() ? null : values);
        return UpdateExpression.parse(text.toString(), ctx);
    }

    private static void clause(StringBuilder text, String keyword, List<String> actions) {
        if (!actions.isEmpty()) {
            text.append(text.length() == 0 ? "" : " ").append(keyword).append(' ').append(String.join(", ", actions));
        }
    }

    private static String operand(Ast.Expr expr, Map<String, String> names, Map<String, AttributeValue> values) {
        if (expr instanceof Ast.Literal l) {
            if (l.value() == null) {
                throw DynamoException.validation("Unsupported value: MISSING");
            }
            String ref = ":v" + values.size();
            values.put(ref, l.value());
            return ref;
        }
        if (expr instanceof Ast.Path p) {
            return path(p, names);
        }
        if (expr instanceof Ast.Arith a) {
            return operand(a.left(), names, values) + " " + a.op() + " " + operand(a.right(), names, values);
        }
        if (expr instanceof Ast.Call c && (c.name().equals("list_append") || c.name().equals("if_not_exists"))) {
            if (c.args().size() != 2) {
                throw DynamoException.validation("Incorrect number of arguments for function: " + c.name());
            }
            return c.name() + "(" + operand(c.args().get(0), names, values) + ", "
                    + operand(c.args().get(1), names, values) + ")";
        }
        if (expr instanceof Ast.Call c) {
            throw DynamoException.validation("Unsupported function in SET clause: " + c.name());
        }
        throw DynamoException.validation("Unsupported expression in SET clause");
    }

    private static String path(Ast.Path path, Map<String, String> names) {
        StringBuilder out = new StringBuilder();
        for (Object element : path.elements()) {
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                String ref = null;
                for (Map.Entry<String, String> e : names.entrySet()) {
                    if (e.getValue().equals(element)) {
                        ref = e.getKey();
                    }
                }
                if (ref == null) {
                    ref = "#n" + names.size();
                    names.put(ref, (String) element);
                }
                out.append(out.length() == 0 ? "" : ".").append(ref);
            }
        }
        return out.toString();
    }

    /**
     * The name each projected path answers under: its last name with the list indexes after it ({@code m.k[1]} is
     * {@code k[1]}); two paths under one name are refused.
     */
    public static List<String> outputNames(List<Ast.Path> paths) {
        List<String> names = new ArrayList<>();
        for (Ast.Path path : paths) {
            int last = 0;
            for (int i = 0; i < path.elements().size(); i++) {
                if (path.elements().get(i) instanceof String) {
                    last = i;
                }
            }
            StringBuilder name = new StringBuilder((String) path.elements().get(last));
            for (int i = last + 1; i < path.elements().size(); i++) {
                name.append('[').append(path.elements().get(i)).append(']');
            }
            if (names.contains(name.toString())) {
                throw DynamoException.validation("Duplicate identifiers in select clause: " + name);
            }
            names.add(name.toString());
        }
        return names;
    }

    /** The projection of an item: each path's value under its output name, absent values left out. */
    public static Map<String, AttributeValue> project(List<Ast.Path> paths, List<String> names,
            Map<String, AttributeValue> item) {
        if (paths.isEmpty()) {
            return item;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            AttributeValue v = Evaluator.get(item, paths.get(i));
            if (v != null) {
                out.put(names.get(i), v);
            }
        }
        return out;
    }
}
