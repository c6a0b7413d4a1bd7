package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The legacy parameters as the trees the expressions produce, so that they are evaluated by the same code as the
 * equivalent expressions: Expected, QueryFilter and ScanFilter become conditions, AttributeUpdates an update. The
 * requests are checked by the operations before they get here; a legacy attribute name is always one top-level
 * attribute, taken literally (no document path, no reserved words).
 */
public final class LegacyTrees {
    private static final String TYPE_MISMATCH = "Type mismatch for attribute to update";

    private LegacyTrees() {
    }

    /**
     * One checked condition: a ComparisonOperator (EQ, NE, LE, LT, GE, GT, NOT_NULL, NULL, CONTAINS, NOT_CONTAINS,
     * BEGINS_WITH, IN, BETWEEN) on a top-level attribute, with as many values as the operator takes.
     */
    public record Condition(String attribute, String operator, List<AttributeValue> values) {
        public Condition {
            values = List.copyOf(values);
        }
    }

    /** One checked AttributeUpdates entry: PUT, ADD or DELETE; the value is null for a DELETE of the attribute. */
    public record Update(String attribute, String action, AttributeValue valueOrNull) {
    }

    /** The conditions joined by AND (or OR); null when there are none, as for a request without a condition. */
    public static ConditionExpression condition(List<Condition> conditions, boolean or) {
        Expr joined = null;
        for (Condition condition : conditions) {
            Expr expr = expr(condition);
            if (joined == null) {
                joined = expr;
            } else {
                joined = or ? new Expr.Or(joined, expr) : new Expr.And(joined, expr);
            }
        }
        return joined == null ? null : ConditionExpression.of(joined);
    }

    private static Expr expr(Condition condition) {
        Expr attribute = path(condition.attribute());
        List<Expr> values = new ArrayList<>();
        for (AttributeValue value : condition.values()) {
            values.add(new Expr.Literal(value));
        }
        return switch (condition.operator()) {
            case "EQ" -> new Expr.Compare("=", attribute, values.get(0));
            case "NE" -> new Expr.Compare("<>", attribute, values.get(0));
            case "LE" -> new Expr.Compare("<=", attribute, values.get(0));
            case "LT" -> new Expr.Compare("<", attribute, values.get(0));
            case "GE" -> new Expr.Compare(">=", attribute, values.get(0));
            case "GT" -> new Expr.Compare(">", attribute, values.get(0));
            case "NOT_NULL" -> new Expr.Call("attribute_exists", List.of(attribute));
            case "NULL" -> new Expr.Call("attribute_not_exists", List.of(attribute));
            case "CONTAINS" -> new Expr.Call("contains", List.of(attribute, values.get(0)));
            case "NOT_CONTAINS" -> new Expr.Not(new Expr.Call("contains", List.of(attribute, values.get(0))));
            case "BEGINS_WITH" -> new Expr.Call("begins_with", List.of(attribute, values.get(0)));
            case "IN" -> new Expr.In(attribute, values);
            case "BETWEEN" -> new Expr.Between(attribute, values.get(0), values.get(1));
            default -> throw new IllegalArgumentException("not a comparison operator: " + condition.operator());
        };
    }

    /**
     * The updates as one update. PUT sets, DELETE without a value removes, DELETE with a set and ADD of a number or
     * a set act as the update expression's DELETE and ADD; ADD of a list, which expressions do not have, appends to
     * the list (or to an empty one when the attribute is missing).
     */
    public static UpdateExpression update(List<Update> updates) {
        List<UpdateExpression.Action> actions = new ArrayList<>();
        for (Update update : updates) {
            AttributePath path = new AttributePath(List.of(update.attribute()));
            AttributeValue value = update.valueOrNull();
            Expr literal = new Expr.Literal(value);
            switch (update.action()) {
                case "PUT" -> actions.add(new UpdateExpression.Action("SET", path, literal));
                case "DELETE" -> actions.add(value == null ? new UpdateExpression.Action("REMOVE", path, null)
                        : new UpdateExpression.Action("DELETE", path, literal));
                case "ADD" -> {
                    if (value instanceof AttributeValue.L) {
                        Expr current = new Expr.Call("if_not_exists",
                                List.of(new Expr.PathRef(path), new Expr.Literal(new AttributeValue.L(List.of()))));
                        actions.add(new UpdateExpression.Action("SET", path,
                                new Expr.Call("list_append", List.of(current, literal))));
                    } else {
                        actions.add(new UpdateExpression.Action("ADD", path, literal));
                    }
                }
                default -> throw new IllegalArgumentException("not an update action: " + update.action());
            }
        }
        return UpdateExpression.of(actions);
    }

    /**
     * Applies an update built by {@link #update}: an operand of the wrong type for the attribute's value is, for
     * the legacy parameter, DynamoDB's "Type mismatch for attribute to update".
     */
    public static Map<String, AttributeValue> apply(UpdateExpression update, Map<String, AttributeValue> existing) {
        try {
            return update.apply(existing);
        } catch (DynamoException e) {
            if (e.getMessage().equals(UpdateApplier.incorrectDataType().getMessage())) {
                throw DynamoException.validation(TYPE_MISMATCH);
            }
            throw e;
        }
    }

    private static Expr path(String attribute) {
        return new Expr.PathRef(new AttributePath(List.of(attribute)));
    }
}
