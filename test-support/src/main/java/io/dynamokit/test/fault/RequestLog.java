package io.dynamokit.test.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests a {@link FaultProxy} has seen, in arrival order. Thread-safe.
 */
final class RequestLog {

    private final List<Entry> entries = new ArrayList<>();

    /**
     * Records a request when it arrives; its outcome can still be corrected through the returned entry.
     */
    Entry record(RecordedRequest recorded) {
        Entry entry = new Entry(recorded);
        synchronized (entries) {
            entries.add(entry);
        }
        return entry;
    }

    List<RecordedRequest> snapshot() {
        synchronized (entries) {
            List<RecordedRequest> snapshot = new ArrayList<>(entries.size());
            for (Entry entry : entries) {
                snapshot.add(entry.recorded);
            }
            return List.copyOf(snapshot);
        }
    }

    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /**
     * A recorded request whose outcome can still be corrected, e.g. when forwarding fails.
     */
    static final class Entry {

        private volatile RecordedRequest recorded;

        private Entry(RecordedRequest recorded) {
            this.recorded = recorded;
        }

        void correctOutcome(String outcome) {
            recorded = recorded.withOutcome(outcome);
        }
    }
}
