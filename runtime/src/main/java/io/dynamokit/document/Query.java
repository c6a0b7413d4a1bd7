package io.dynamokit.document;

import java.util.Optional;

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
public final class Query extends ReadRequest<Query> {

    private String keyCondition;
    private boolean forward = true;

    private Query(String tableName) {
        super(tableName);
    }

    public static Query on(String tableName) {
        return new Query(tableName);
    }

    public Query keyCondition(String keyConditionExpression) {
        Query copy = copy();
        copy.keyCondition = keyConditionExpression;
        return copy;
    }

    /** Range key order, highest first. */
    public Query descending() {
        Query copy = copy();
        copy.forward = false;
        return copy;
    }

    public Optional<String> keyConditionExpression() {
        return Optional.ofNullable(keyCondition);
    }

    public boolean isForward() {
        return forward;
    }
}
