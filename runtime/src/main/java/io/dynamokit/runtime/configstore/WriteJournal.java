package io.dynamokit.runtime.configstore;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dynamokit.configstore.ConfigOption;

/**
 * The writes through an in-memory store while reloads run, so that a reload does not bring back what a write made
 * while its query was under way: the query may have read the table before the write landed. Kept only while a reload
 * runs, cleared when the last one ends.
 * <p>
 * Not thread-safe: every call is made under the lock that guards the store's snapshot.
 */
final class WriteJournal {

    private long sequence;
    private int reloadsRunning;
    /** Option name to its last write since the oldest running reload began. */
    private final Map<String, Entry> writes = new LinkedHashMap<>();

    /**
     * A reload begins.
     *
     * @return its mark: the writes after it are those the reload may have missed
     */
    long reloadStarted() {
        reloadsRunning++;
        return sequence;
    }

    /** A reload ended, whether it succeeded or not. */
    void reloadEnded() {
        if (--reloadsRunning == 0) {
            writes.clear();
        }
    }

    /** The store wrote this option ({@code written} null: deleted it). */
    void wrote(String option, ConfigOption written) {
        if (reloadsRunning > 0) {
            writes.put(option, new Entry(++sequence, written));
        }
    }

    /** Applies to the options a reload read the writes made after its mark. */
    void replaySince(long mark, Map<String, ConfigOption> options) {
        for (Map.Entry<String, Entry> write : writes.entrySet()) {
            if (write.getValue().sequence > mark) {
                if (write.getValue().option == null) {
                    options.remove(write.getKey());
                } else {
                    options.put(write.getKey(), write.getValue().option);
                }
            }
        }
    }

    private record Entry(long sequence, ConfigOption option) {
    }
}
