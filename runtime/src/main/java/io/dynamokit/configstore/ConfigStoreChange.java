package io.dynamokit.configstore;

import java.util.Map;

/**
 * A CDI event fired when a reload or a periodic refresh of a {@code cached} or {@code periodic} store finds an option
 * added, changed or removed since the previous load (including changes made by other applications). Fired with the
 * store's {@link ConfigStoreName} qualifier ({@code @Default} for the unnamed store), so
 * {@code void onFlags(@Observes @ConfigStoreName("flags") ConfigStoreChange change)} sees one store and an observer
 * without qualifier sees them all. Writes through the store itself fire no event.
 *
 * @param store the store's configured name ({@code <default>} for the unnamed store)
 * @param option the option's name
 * @param kind what happened
 * @param oldValues the values before; empty when added
 * @param newValues the values now; empty when removed
 */
public record ConfigStoreChange(String store, String option, Kind kind, Map<String, Object> oldValues,
        Map<String, Object> newValues) {

    /** What happened to the option. */
    public enum Kind {
        ADDED,
        CHANGED,
        REMOVED
    }
}
