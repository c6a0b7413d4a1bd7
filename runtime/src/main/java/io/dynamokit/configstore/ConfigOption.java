package io.dynamokit.configstore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An option of a config store as read or written: its name, its values (unmodifiable, without key attributes) and its
 * version. The version is the value of the store's version attribute when optimistic locking is on, 0 for an option
 * that has none (never written with locking, such as data written by other tools).
 */
public record ConfigOption(String name, Map<String, Object> values, long version) {

    public ConfigOption {
        Objects.requireNonNull(name, "name");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
