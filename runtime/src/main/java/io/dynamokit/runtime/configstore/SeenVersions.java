package io.dynamokit.runtime.configstore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dynamokit.configstore.ConfigOption;

/**
 * The version each option had when a {@code direct} store last read or wrote it: what its next write of the option is
 * conditional on, with optimistic locking. Without optimistic locking it remembers nothing.
 */
final class SeenVersions {

    private final boolean enabled;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    SeenVersions(boolean optimisticLocking) {
        this.enabled = optimisticLocking;
    }

    /** The store read or wrote the option: {@code seen} null when it is missing or deleted. */
    void saw(String option, ConfigOption seen) {
        if (!enabled) {
            return;
        }
        if (seen == null) {
            versions.remove(option);
        } else {
            versions.put(option, seen.version());
        }
    }

    /** 0 when the store has not seen the option, or saw it missing. */
    long of(String option) {
        return versions.getOrDefault(option, 0L);
    }
}
