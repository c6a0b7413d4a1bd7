package io.dynamokit.runtime.configstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.configstore.ConfigStoreChange;

/** What changed between two states of a store's options, as the change events say it. */
final class StoreChanges {

    private StoreChanges() {
    }

    /** Options changed or removed first, in the order of {@code before}; then those added. */
    static List<ConfigStoreChange> between(String store, Map<String, ConfigOption> before,
            Map<String, ConfigOption> after) {
        List<ConfigStoreChange> found = new ArrayList<>();
        for (ConfigOption old : before.values()) {
            ConfigStoreChange change = of(store, old.name(), old, after.get(old.name()));
            if (change != null) {
                found.add(change);
            }
        }
        for (ConfigOption added : after.values()) {
            if (!before.containsKey(added.name())) {
                found.add(of(store, added.name(), null, added));
            }
        }
        return found;
    }

    /** The change from {@code before} to {@code after} (null: missing), or null when the values are the same. */
    static ConfigStoreChange of(String store, String option, ConfigOption before, ConfigOption after) {
        if (before == null && after == null) {
            return null;
        }
        if (before == null) {
            return new ConfigStoreChange(store, option, ConfigStoreChange.Kind.ADDED, Map.of(), after.values());
        }
        if (after == null) {
            return new ConfigStoreChange(store, option, ConfigStoreChange.Kind.REMOVED, before.values(), Map.of());
        }
        if (ValuesEquality.same(before.values(), after.values())) {
            return null;
        }
        return new ConfigStoreChange(store, option, ConfigStoreChange.Kind.CHANGED, before.values(), after.values());
    }

    /** Same version and same values; two missing options are the same too. */
    static boolean sameOption(ConfigOption a, ConfigOption b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.version() == b.version() && ValuesEquality.same(a.values(), b.values());
    }
}
