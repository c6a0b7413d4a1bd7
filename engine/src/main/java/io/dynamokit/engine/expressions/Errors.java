package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.DynamoException;
import java.util.HashMap;
import java.util.Map;

/**
 * The errors found while checking one expression, by kind; the first of each kind is kept. DynamoDB reports one
 * error, chosen by a fixed priority of kinds rather than by position, so every kind is collected before choosing.
 */
final class Errors {
    static final String PARENS = "parens";
    static final String UNKNOWN_FUNCTION = "unknownFunction";
    static final String MISUSED_FUNCTION = "misusedFunction";
    static final String RESERVED = "reserved";
    static final String LIMIT = "limit";
    static final String CONDITION = "condition";
    static final String NAME = "name";
    static final String VALUE = "value";
    static final String OPERAND = "operand";
    static final String DISTINCT = "distinct";
    static final String FUNCTION = "function";
    static final String SECTION = "section";
    static final String OVERLAP = "overlap";
    static final String CONFLICT = "conflict";

    private final Map<String, String> byKind = new HashMap<>();

    void add(String kind, String message) {
        byKind.putIfAbsent(kind, message);
    }

    boolean has(String kind) {
        return byKind.containsKey(kind);
    }

    String first(String... kinds) {
        for (String kind : kinds) {
            String message = byKind.get(kind);
            if (message != null) {
                return message;
            }
        }
        return null;
    }

    /** Throws DynamoDB's ValidationException for the first kind present, if any. */
    void throwFirst(String parameterName, String... kinds) {
        String message = first(kinds);
        if (message != null) {
            throw invalid(parameterName, message);
        }
    }

    static DynamoException invalid(String parameterName, String message) {
        return DynamoException.validation("Invalid " + parameterName + ": " + message);
    }
}
