package io.dynamokit.document;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * What a {@link Query} and a {@link Scan} share: the table and index, filter, projection, select, page size, start
 * key, consistent read, and the expression attribute names and values given as plain Java values. Immutable; every
 * method returns a new instance of the query or scan it is called on.
 *
 * @param <R> the query or scan type, returned by every method
 */
public abstract sealed class ReadRequest<R extends ReadRequest<R>> implements Cloneable permits Query, Scan {

    private final String tableName;
    private String indexName;
    private String filter;
    private String projection;
    private Select select;
    private Integer limit;
    private Map<String, Object> startKey;
    private boolean consistentRead;
    private Expressions expressions = Expressions.NONE;

    ReadRequest(String tableName) {
        this.tableName = tableName;
    }

    public R index(String name) {
        R copy = copy();
        fields(copy).indexName = name;
        return copy;
    }

    public R filter(String filterExpression) {
        R copy = copy();
        fields(copy).filter = filterExpression;
        return copy;
    }

    public R projection(String projectionExpression) {
        R copy = copy();
        fields(copy).projection = projectionExpression;
        return copy;
    }

    /** What to return; {@code Select.COUNT} returns only the counts. */
    public R select(Select select) {
        R copy = copy();
        fields(copy).select = select;
        return copy;
    }

    /** The most items DynamoDB evaluates per page (its {@code Limit}). */
    public R limit(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("limit is " + pageSize + ": use 1 or more");
        }
        R copy = copy();
        fields(copy).limit = pageSize;
        return copy;
    }

    /** Where to start: the {@link Page#lastEvaluatedKey()} of the previous page. */
    public R startKey(Map<String, ?> exclusiveStartKey) {
        R copy = copy();
        fields(copy).startKey = exclusiveStartKey == null ? null : Map.copyOf(exclusiveStartKey);
        return copy;
    }

    public R consistentRead(boolean consistent) {
        R copy = copy();
        fields(copy).consistentRead = consistent;
        return copy;
    }

    public R name(String placeholder, String attributeName) {
        R copy = copy();
        fields(copy).expressions = expressions.withName(placeholder, attributeName);
        return copy;
    }

    public R names(Map<String, String> names) {
        R copy = copy();
        fields(copy).expressions = expressions.withNames(names);
        return copy;
    }

    public R value(String placeholder, Object value) {
        R copy = copy();
        fields(copy).expressions = expressions.withValue(placeholder, value);
        return copy;
    }

    public R values(Map<String, ?> values) {
        R copy = copy();
        fields(copy).expressions = expressions.withValues(values);
        return copy;
    }

    public String tableName() {
        return tableName;
    }

    public Optional<String> indexName() {
        return Optional.ofNullable(indexName);
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

    /** A field-by-field copy of this query or scan, to change before returning it. */
    @SuppressWarnings("unchecked")
    final R copy() {
        try {
            return (R) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy seen as a {@code ReadRequest}: its private fields are not reachable through the type parameter. */
    private static <R extends ReadRequest<R>> ReadRequest<R> fields(R request) {
        return request;
    }
}
