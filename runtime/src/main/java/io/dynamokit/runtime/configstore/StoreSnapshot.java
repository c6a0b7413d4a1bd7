package io.dynamokit.runtime.configstore;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import io.dynamokit.configstore.ConfigOption;

/**
 * A store's options at one moment: by name (for lookups) and their values sorted by name (for {@code getAll}), both
 * unmodifiable. Never changed: a load or a write replaces the whole snapshot, so a read needs no lock and no copy.
 */
final class StoreSnapshot {

    final Map<String, ConfigOption> options;
    final Map<String, Map<String, Object>> values;

    private StoreSnapshot(Map<String, ConfigOption> options, Map<String, Map<String, Object>> values) {
        this.options = options;
        this.values = values;
    }

    static StoreSnapshot of(Iterable<ConfigOption> all) {
        HashMap<String, ConfigOption> options = new HashMap<>();
        TreeMap<String, Map<String, Object>> values = new TreeMap<>();
        for (ConfigOption option : all) {
            options.put(option.name(), option);
            values.put(option.name(), option.values());
        }
        return new StoreSnapshot(Collections.unmodifiableMap(options), Collections.unmodifiableMap(values));
    }

    /** This snapshot with one option replaced (or removed, when {@code current} is null). */
    StoreSnapshot with(String option, ConfigOption current) {
        Map<String, ConfigOption> next = new HashMap<>(options);
        if (current == null) {
            next.remove(option);
        } else {
            next.put(option, current);
        }
        return of(next.values());
    }
}
