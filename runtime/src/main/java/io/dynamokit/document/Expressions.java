package io.dynamokit.document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Expression attribute names ({@code #name}) and values ({@code :value}) shared by the options objects. Values are
 * plain Java values, marshalled like item attributes.
 */
public final class Expressions {

    static final Expressions NONE = new Expressions(Map.of(), Map.of());

    private final Map<String, String> names;
    private final Map<String, Object> values;

    private Expressions(Map<String, String> names, Map<String, Object> values) {
        this.names = names;
        this.values = values;
    }

    Expressions withName(String placeholder, String attributeName) {
        Map<String, String> copy = new LinkedHashMap<>(names);
        copy.put(placeholder, attributeName);
        return new Expressions(Collections.unmodifiableMap(copy), values);
    }

    Expressions withNames(Map<String, String> more) {
        Map<String, String> copy = new LinkedHashMap<>(names);
        copy.putAll(more);
        return new Expressions(Collections.unmodifiableMap(copy), values);
    }

    Expressions withValue(String placeholder, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(placeholder, value);
        return new Expressions(names, Collections.unmodifiableMap(copy));
    }

    Expressions withValues(Map<String, ?> more) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.putAll(more);
        return new Expressions(names, Collections.unmodifiableMap(copy));
    }

    /** The expression attribute names, placeholder to attribute name. */
    public Map<String, String> names() {
        return names;
    }

    /** The expression attribute values, placeholder to plain Java value. */
    public Map<String, Object> values() {
        return values;
    }
}
