package io.dynamokit.document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One action of {@link DocumentClient#transactWriteItems}: a put, an update, a delete or a condition check, each
 * with an optional condition. Immutable; every method returns a new instance.
 */
public final class TransactWrite {

    /** What the action does. */
    public enum Kind {
        PUT,
        UPDATE,
        DELETE,
        CONDITION_CHECK
    }

    private final Kind kind;
    private final String tableName;
    private final Map<String, Object> attributes;
    private final String updateExpression;
    private final String condition;
    private final Expressions expressions;

    private TransactWrite(Kind kind, String tableName, Map<String, ?> attributes, String updateExpression,
            String condition, Expressions expressions) {
        this.kind = kind;
        this.tableName = tableName;
        this.attributes = new LinkedHashMap<>(attributes);
        this.updateExpression = updateExpression;
        this.condition = condition;
        this.expressions = expressions;
    }

    public static TransactWrite put(String tableName, Map<String, ?> item) {
        return new TransactWrite(Kind.PUT, tableName, item, null, null, Expressions.NONE);
    }

    public static TransactWrite update(String tableName, Map<String, ?> key, String updateExpression) {
        return new TransactWrite(Kind.UPDATE, tableName, key, updateExpression, null, Expressions.NONE);
    }

    public static TransactWrite delete(String tableName, Map<String, ?> key) {
        return new TransactWrite(Kind.DELETE, tableName, key, null, null, Expressions.NONE);
    }

    public static TransactWrite conditionCheck(String tableName, Map<String, ?> key, String conditionExpression) {
        return new TransactWrite(Kind.CONDITION_CHECK, tableName, key, null, conditionExpression, Expressions.NONE);
    }

    public TransactWrite condition(String conditionExpression) {
        return new TransactWrite(kind, tableName, attributes, updateExpression, conditionExpression, expressions);
    }

    public TransactWrite name(String placeholder, String attributeName) {
        return new TransactWrite(kind, tableName, attributes, updateExpression, condition,
                expressions.withName(placeholder, attributeName));
    }

    public TransactWrite value(String placeholder, Object value) {
        return new TransactWrite(kind, tableName, attributes, updateExpression, condition,
                expressions.withValue(placeholder, value));
    }

    public TransactWrite values(Map<String, ?> values) {
        return new TransactWrite(kind, tableName, attributes, updateExpression, condition,
                expressions.withValues(values));
    }

    public Kind kind() {
        return kind;
    }

    public String tableName() {
        return tableName;
    }

    /** The item of a put, the key of the other kinds. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    public Optional<String> updateExpression() {
        return Optional.ofNullable(updateExpression);
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
}
