package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's first validation pass, on the request's shape: each violated constraint of a member becomes
 * {@code Value 'x' at 'path' failed to satisfy constraint: Member must ...}; up to 10 of them are answered together
 * as {@code N validation error(s) detected: ...}.
 */
final class Constraints {
    static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";

    private final List<String> errors = new ArrayList<>();

    /** The message DynamoDB gives for a required member that is absent (checked before any constraint). */
    static void required(String member, Object value) {
        if (value == null) {
            throw DynamoException.validation(
                    "The parameter '" + member + "' is required but was not present in the request");
        }
    }

    Constraints notNull(String path, Object value) {
        if (value == null) {
            add(null, path, "Member must not be null");
        }
        return this;
    }

    /** A table or index name: pattern, then length 3 to 255. */
    Constraints name(String path, String value) {
        if (value != null) {
            pattern(path, value);
            length(path, value, value.length(), 3, 255);
        }
        return this;
    }

    Constraints pattern(String path, String value) {
        if (value != null && !isName(value)) {
            add(value, path, "Member must satisfy regular expression pattern: " + NAME_PATTERN);
        }
        return this;
    }

    /**
     * Whether a table or index name matches {@link #NAME_PATTERN}: one or more of {@code a-z A-Z 0-9 _ . -} (checked
     * on every item request, so a loop rather than a regular expression).
     */
    static boolean isName(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (!(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '_' || ch == '.'
                    || ch == '-')) {
                return false;
            }
        }
        return true;
    }

    Constraints length(String path, Object value, int length, int min, int max) {
        if (value != null && length < min) {
            add(value, path, "Member must have length greater than or equal to " + min);
        }
        if (value != null && length > max) {
            add(value, path, "Member must have length less than or equal to " + max);
        }
        return this;
    }

    Constraints size(String path, Collection<?> value, int min, int max) {
        return value == null ? this : length(path, value, value.size(), min, max);
    }

    Constraints size(String path, Map<?, ?> value, int min, int max) {
        return value == null ? this : length(path, value, value.size(), min, max);
    }

    Constraints atLeast(String path, Long value, long min) {
        if (value != null && value < min) {
            add(value, path, "Member must have value greater than or equal to " + min);
        }
        return this;
    }

    Constraints atMost(String path, Long value, long max) {
        if (value != null && value > max) {
            add(value, path, "Member must have value less than or equal to " + max);
        }
        return this;
    }

    Constraints oneOf(String path, String value, String... allowed) {
        if (value != null && !List.of(allowed).contains(value)) {
            add(value, path, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
        return this;
    }

    void check() {
        if (!errors.isEmpty()) {
            throw DynamoException.validation(errors.size() + " validation error" + (errors.size() > 1 ? "s" : "")
                    + " detected: " + String.join("; ", errors));
        }
    }

    /**
     * A violation whose text is already formed: members whose value DynamoDB echoes in its own way (a map of
     * requests, a list of actions) or does not echo at all ("Value at 'Path' ...").
     */
    Constraints violation(String error) {
        if (errors.size() < 10) {
            errors.add(error);
        }
        return this;
    }

    private void add(Object value, String path, String constraint) {
        if (errors.size() < 10) {
            errors.add("Value " + (value == null ? "null" : "'" + text(value) + "'") + " at '" + path
                    + "' failed to satisfy constraint: " + constraint);
        }
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object element : list) {
                parts.add(text(element));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                parts.add(e.getKey() + "=" + text(e.getValue()));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        return String.valueOf(value);
    }
}
