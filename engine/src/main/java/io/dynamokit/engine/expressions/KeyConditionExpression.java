package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed KeyConditionExpression. It parses with the condition grammar and its checks; what a key condition may
 * contain (one equality on the hash key, one condition on the range key) is checked by {@link #bind}, once the
 * request's other expressions were parsed, as DynamoDB orders its messages.
 */
public final class KeyConditionExpression {
    private static final Set<String> NOT_KEY_FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists",
            "attribute_type", "contains");
    private static final Map<String, String> MIRRORED = Map.of("=", "=", "<", ">", "<=", ">=", ">", "<", ">=", "<=");

    private final Expr expr;
    private Map<String, Part> parts;

    private KeyConditionExpression(Expr expr) {
        this.expr = expr;
    }

    public static KeyConditionExpression parse(String text, ExpressionContext ctx) {
        return new KeyConditionExpression(Expressions.condition(text, ctx, "KeyConditionExpression"));
    }

    /** One condition on one key attribute, with the attribute as the first operand. */
    private record Part(String op, List<AttributeValue> values) {
    }

    /**
     * The condition for a table's or index's key schema ({@code hashKeyType} and {@code rangeKeyTypeOrNull} are
     * "S", "N" or "B"), or DynamoDB's ValidationException when the expression does not fit it.
     */
    public KeyCondition bind(String hashKeyName, String hashKeyType, String rangeKeyNameOrNull,
            String rangeKeyTypeOrNull) {
        Map<String, Part> parts = parts();
        Part hash = parts.get(hashKeyName);
        if (hash == null) {
            throw DynamoException.validation("Query condition missed key schema element: " + hashKeyName);
        }
        Part range = null;
        if (parts.size() == 2) {
            if (rangeKeyNameOrNull == null) {
                throw DynamoException.validation("Query key condition not supported");
            }
            range = parts.get(rangeKeyNameOrNull);
            if (range == null) {
                throw DynamoException.validation("Query condition missed key schema element: " + rangeKeyNameOrNull);
            }
        }
        if (!hash.op().equals("=")) {
            throw DynamoException.validation("Query key condition not supported");
        }
        checkTypes(hash, hashKeyType);
        if (range == null) {
            return new KeyCondition(hash.values().get(0), null);
        }
        checkTypes(range, rangeKeyTypeOrNull);
        RangeCondition.Op op = switch (range.op()) {
            case "=" -> RangeCondition.Op.EQ;
            case "<" -> RangeCondition.Op.LT;
            case "<=" -> RangeCondition.Op.LE;
            case ">" -> RangeCondition.Op.GT;
            case ">=" -> RangeCondition.Op.GE;
            case "between" -> RangeCondition.Op.BETWEEN;
            default -> RangeCondition.Op.BEGINS_WITH;
        };
        List<AttributeValue> values = range.values();
        return new KeyCondition(hash.values().get(0),
                new RangeCondition(op, values.get(0), values.size() > 1 ? values.get(1) : null));
    }

    /**
     * Checks what DynamoDB checks before it looks at the table: only AND, at most one condition per key attribute
     * and at most two, each on a top-level attribute with a supported operator. To call after
     * {@link ExpressionContext#checkAllUsed()}; {@link #bind} checks it too.
     */
    public void checkStructure() {
        parts();
    }

    private Map<String, Part> parts() {
        if (parts == null) {
            Map<String, Part> collected = new LinkedHashMap<>();
            collect(expr, collected);
            if (collected.size() > 2) {
                throw DynamoException.validation("Conditions can be of length 1 or 2 only");
            }
            parts = collected;
        }
        return parts;
    }

    private static void checkTypes(Part part, String type) {
        for (AttributeValue value : part.values()) {
            if (!value.type().equals(type)) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: Condition parameter type does not match schema type");
            }
        }
    }

    private static void collect(Expr expr, Map<String, Part> parts) {
        if (expr instanceof Expr.Or) {
            throw invalidOperator("OR");
        }
        if (expr instanceof Expr.Not) {
            throw invalidOperator("NOT");
        }
        if (expr instanceof Expr.In) {
            throw invalidOperator("IN");
        }
        if (expr instanceof Expr.And and) {
            collect(and.left(), parts);
            collect(and.right(), parts);
            return;
        }
        String op;
        List<Expr> args;
        if (expr instanceof Expr.Compare c) {
            if (c.op().equals("<>")) {
                throw invalidOperator("<>");
            }
            op = c.op();
            args = List.of(c.left(), c.right());
        } else if (expr instanceof Expr.Between b) {
            if (!(b.subject() instanceof Expr.PathRef)) {
                throw invalidCondition("BETWEEN operator must have the key attribute as its first operand");
            }
            op = "between";
            args = List.of(b.subject(), b.low(), b.high());
        } else {
            Expr.Call call = (Expr.Call) expr;
            checkCall(call);
            if (!(call.args().get(0) instanceof Expr.PathRef)) {
                throw invalidCondition("begins_with operator must have the key attribute as its first operand");
            }
            op = "begins_with";
            args = call.args();
        }
        String name = null;
        int nameAt = 0;
        List<AttributeValue> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Expr arg = args.get(i);
            if (arg instanceof Expr.PathRef p) {
                if (name != null) {
                    throw invalidCondition("Multiple attribute names used in one condition");
                }
                if (p.path().elements().size() > 1) {
                    throw DynamoException.validation(
                            "KeyConditionExpressions cannot have conditions on nested attributes");
                }
                name = p.path().topLevel();
                nameAt = i;
            } else if (arg instanceof Expr.Call call) {
                checkCall(call);
            } else {
                values.add(((Expr.Literal) arg).value());
            }
        }
        if (name == null) {
            throw invalidCondition("No key attribute specified");
        }
        if (parts.containsKey(name)) {
            throw DynamoException.validation("KeyConditionExpressions must only contain one condition per key");
        }
        parts.put(name, new Part(nameAt == 0 ? op : MIRRORED.get(op), values));
    }

    private static void checkCall(Expr.Call call) {
        if (NOT_KEY_FUNCTIONS.contains(call.name())) {
            throw invalidOperator(call.name());
        }
        if (call.name().equals("size")) {
            throw DynamoException.validation("KeyConditionExpressions cannot contain nested operations");
        }
    }

    private static DynamoException invalidOperator(String operator) {
        return DynamoException.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }

    private static DynamoException invalidCondition(String detail) {
        return DynamoException.validation("Invalid condition in KeyConditionExpression: " + detail);
    }
}
