package io.dynamokit.document;

import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Options of {@link DocumentClient#putItem}, {@link DocumentClient#updateItem} and {@link DocumentClient#deleteItem}:
 * a condition expression, expression attribute names and values (plain Java values), and which attributes to return.
 * Immutable; every method returns a new instance.
 */
public final class WriteOptions {

    private static final WriteOptions DEFAULTS = new WriteOptions(null, Expressions.NONE, ReturnValue.NONE);

    private final String condition;
    private final Expressions expressions;
    private final ReturnValue returnValues;

    private WriteOptions(String condition, Expressions expressions, ReturnValue returnValues) {
        this.condition = condition;
        this.expressions = expressions;
        this.returnValues = returnValues;
    }

    /** No condition, nothing returned. */
    public static WriteOptions defaults() {
        return DEFAULTS;
    }

    /** A write that happens only when the condition expression holds. */
    public static WriteOptions when(String conditionExpression) {
        return DEFAULTS.condition(conditionExpression);
    }

    /** A write that returns the attributes given by {@code returnValues} (for example {@code ALL_OLD}). */
    public static WriteOptions returning(ReturnValue returnValues) {
        return DEFAULTS.returnValues(returnValues);
    }

    public WriteOptions condition(String conditionExpression) {
        return new WriteOptions(conditionExpression, expressions, returnValues);
    }

    public WriteOptions name(String placeholder, String attributeName) {
        return new WriteOptions(condition, expressions.withName(placeholder, attributeName), returnValues);
    }

    public WriteOptions names(Map<String, String> names) {
        return new WriteOptions(condition, expressions.withNames(names), returnValues);
    }

    public WriteOptions value(String placeholder, Object value) {
        return new WriteOptions(condition, expressions.withValue(placeholder, value), returnValues);
    }

    public WriteOptions values(Map<String, ?> values) {
        return new WriteOptions(condition, expressions.withValues(values), returnValues);
    }

    public WriteOptions returnValues(ReturnValue returnValues) {
        return new WriteOptions(condition, expressions, returnValues);
    }

    public Optional<String> conditionExpression() {
        return Optional.ofNullable(condition);
    }

    public Map<String, String> expressionNames() {
        return expressions.names();
    }

    public Map<String, Object> expressionValues() {
        return expressions.values();
    }

    public ReturnValue returnValuesOption() {
        return returnValues;
    }
}
