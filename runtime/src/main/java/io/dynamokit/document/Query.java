package io.dynamokit.document;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * A query: key condition, filter, index, projection, select, direction, page size and start key. Immutable; every
 * method returns a new instance.
 *
 * <pre>
 * Query.on("Thread").index("LastPostIndex")
 *         .keyCondition("ForumName = :forum").value(":forum", "Quarkus")
 *         .descending().limit(25)
 * </pre>
 */
public final class Query implements Cloneable {

    private final String tableName;
    private String indexName;
    private String keyCondition;
    private String filter;
    private String projection;
    private Select select;
    private boolean forward = true;
    private Integer limit;
    private Map<String, Object> startKey;
    private boolean consistentRead;
    private Expressions expressions = Expressions.NONE;

    private Query(String tableName) {
        this.tableName = tableName;
    }

    public static Query on(String tableName) {
        return new Query(tableName);
    }

    public Query index(String name) {
        Query copy = copy();
        copy.indexName = name;
        return copy;
    }

    public Query keyCondition(String keyConditionExpression) {
        Query copy = copy();
        copy.keyCondition = keyConditionExpression;
        return copy;
    }

    public Query filter(String filterExpression) {
        Query copy = copy();
        copy.filter = filterExpression;
        return copy;
    }

    public Query projection(String projectionExpression) {
        Query copy = copy();
        copy.projection = projectionExpression;
        return copy;
    }

    /** What to return; {@code Select.COUNT} returns only the counts. */
    public Query select(Select select) {
        Query copy = copy();
        copy.select = select;
        return copy;
    }

    /** Range key order, highest first. */
    public Query descending() {
        Query copy = copy();
        copy.forward = false;
        return copy;
    }

    /** The most items DynamoDB evaluates per page (its {@code Limit}). */
    public Query limit(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("limit is " + pageSize + ": use 1 or more");
        }
        Query copy = copy();
        copy.limit = pageSize;
        return copy;
    }

    /** Where to start: the {@link Page#lastEvaluatedKey()} of the previous page. */
    public Query startKey(Map<String, ?> exclusiveStartKey) {
        Query copy = copy();
        copy.startKey = exclusiveStartKey == null ? null : Map.copyOf(exclusiveStartKey);
        return copy;
    }

    public Query consistentRead(boolean consistent) {
        Query copy = copy();
        copy.consistentRead = consistent;
        return copy;
    }

    public Query name(String placeholder, String attributeName) {
        Query copy = copy();
        copy.expressions = expressions.withName(placeholder, attributeName);
        return copy;
    }

    public Query names(Map<String, String> names) {
        Query copy = copy();
        copy.expressions = expressions.withNames(names);
        return copy;
    }

    public Query value(String placeholder, Object value) {
        Query copy = copy();
        copy.expressions = expressions.withValue(placeholder, value);
        return copy;
    }

    public Query values(Map<String, ?> values) {
        Query copy = copy();
        copy.expressions = expressions.withValues(values);
        return copy;
    }

    public String tableName() {
        return tableName;
    }

    public Optional<String> indexName() {
        return Optional.ofNullable(indexName);
    }

    public Optional<String> keyConditionExpression() {
        return Optional.ofNullable(keyCondition);
    }

    public Optional<String> filterExpression() {
        return Optional.ofNullable(filter);
    }

    public Optional<String> projectionExpression() {
        return Optional.ofNullable(projection);
    }

    public Optional<Select> selectOption() {
        return Optional.ofNullable(select);
    }

    public boolean isForward() {
        return forward;
    }

    public OptionalInt pageSize() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    public Optional<Map<String, Object>> exclusiveStartKey() {
        return Optional.ofNullable(startKey);
    }

    public boolean isConsistentRead() {
        return consistentRead;
    }

    public Map<String, String> expressionNames() {
        return expressions.names();
    }

    public Map<String, Object> expressionValues() {
        return expressions.values();
    }

    private Query copy() {
        try {
            return (Query) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
