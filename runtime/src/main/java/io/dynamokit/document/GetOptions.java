package io.dynamokit.document;

import java.util.Map;
import java.util.Optional;

/**
 * Options of {@link DocumentClient#getItem}: consistent read and projection. Immutable; every {@code with} method
 * returns a new instance.
 */
public final class GetOptions {

    private static final GetOptions DEFAULTS = new GetOptions(false, null, Expressions.NONE);

    private final boolean consistentRead;
    private final String projection;
    private final Expressions expressions;

    private GetOptions(boolean consistentRead, String projection, Expressions expressions) {
        this.consistentRead = consistentRead;
        this.projection = projection;
        this.expressions = expressions;
    }

    /** Eventually consistent, all attributes. */
    public static GetOptions defaults() {
        return DEFAULTS;
    }

    /** A strongly consistent read. */
    public static GetOptions consistent() {
        return DEFAULTS.consistentRead(true);
    }

    public GetOptions consistentRead(boolean consistent) {
        return new GetOptions(consistent, projection, expressions);
    }

    /** A projection expression, for example {@code "ForumName, #s"} with {@code name("#s", "Subject")}. */
    public GetOptions projection(String projectionExpression) {
        return new GetOptions(consistentRead, projectionExpression, expressions);
    }

    public GetOptions name(String placeholder, String attributeName) {
        return new GetOptions(consistentRead, projection, expressions.withName(placeholder, attributeName));
    }

    public GetOptions names(Map<String, String> names) {
        return new GetOptions(consistentRead, projection, expressions.withNames(names));
    }

    public boolean isConsistentRead() {
        return consistentRead;
    }

    public Optional<String> projectionExpression() {
        return Optional.ofNullable(projection);
    }

    public Map<String, String> expressionNames() {
        return expressions.names();
    }
}
