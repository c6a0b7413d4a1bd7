package io.dynamokit.document;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * A scan: filter, index, projection, select, page size, start key, and a segment of a parallel scan. Immutable; every
 * method returns a new instance.
 *
 * <pre>
 * Scan.on("Thread").filter("Replies &gt; :n").value(":n", 10).segment(0, 4)
 * </pre>
 */
public final class Scan implements Cloneable {

    private final String tableName;
    private String indexName;
    private String filter;
    private String projection;
    private Select select;
    private Integer segment;
    private Integer totalSegments;
    private Integer limit;
    private Map<String, Object> startKey;
    private boolean consistentRead;
    private Expressions expressions = Expressions.NONE;

    private Scan(String tableName) {
        this.tableName = tableName;
    }

    public static Scan on(String tableName) {
        return new Scan(tableName);
    }

    public Scan index(String name) {
        Scan copy = copy();
        copy.indexName = name;
        return copy;
    }

    public Scan filter(String filterExpression) {
        Scan copy = copy();
        copy.filter = filterExpression;
        return copy;
    }

    public Scan projection(String projectionExpression) {
        Scan copy = copy();
        copy.projection = projectionExpression;
        return copy;
    }

    /** What to return; {@code Select.COUNT} returns only the counts. */
    public Scan select(Select select) {
        Scan copy = copy();
        copy.select = select;
        return copy;
    }

    /** The most items DynamoDB evaluates per page (its {@code Limit}). */
    public Scan limit(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("limit is " + pageSize + ": use 1 or more");
        }
        Scan copy = copy();
        copy.limit = pageSize;
        return copy;
    }

    /** Where to start: the {@link Page#lastEvaluatedKey()} of the previous page. */
    public Scan startKey(Map<String, ?> exclusiveStartKey) {
        Scan copy = copy();
        copy.startKey = exclusiveStartKey == null ? null : Map.copyOf(exclusiveStartKey);
        return copy;
    }

    /**
     * One segment of a parallel scan: this scan reads segment {@code segment} (from 0) of {@code totalSegments}.
     */
    public Scan segment(int segment, int totalSegments) {
        if (totalSegments < 1 || totalSegments > 1_000_000 || segment < 0 || segment >= totalSegments) {
            throw new IllegalArgumentException("segment " + segment + " of " + totalSegments
                    + ": totalSegments must be between 1 and 1000000 and segment between 0 and totalSegments - 1");
        }
        Scan copy = copy();
        copy.segment = segment;
        copy.totalSegments = totalSegments;
        return copy;
    }

    public OptionalInt segmentNumber() {
        return segment == null ? OptionalInt.empty() : OptionalInt.of(segment);
    }

    public OptionalInt totalSegmentCount() {
        return totalSegments == null ? OptionalInt.empty() : OptionalInt.of(totalSegments);
    }

    public Scan consistentRead(boolean consistent) {
        Scan copy = copy();
        copy.consistentRead = consistent;
        return copy;
    }

    public Scan name(String placeholder, String attributeName) {
        Scan copy = copy();
        copy.expressions = expressions.withName(placeholder, attributeName);
        return copy;
    }

    public Scan names(Map<String, String> names) {
        Scan copy = copy();
        copy.expressions = expressions.withNames(names);
        return copy;
    }

    public Scan value(String placeholder, Object value) {
        Scan copy = copy();
        copy.expressions = expressions.withValue(placeholder, value);
        return copy;
    }

    public Scan values(Map<String, ?> values) {
        Scan copy = copy();
        copy.expressions = expressions.withValues(values);
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

    private Scan copy() {
        try {
            return (Scan) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
