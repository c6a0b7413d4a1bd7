package io.dynamokit.runtime.configstore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.configstore.ConfigStoreChange;
import io.dynamokit.configstore.ConfigStoreTableException;
import io.dynamokit.document.DocumentClient;

/**
 * Mode {@code cached}: reads are served from memory, an immutable {@link StoreSnapshot} that the first load at
 * start-up, each {@link #reload()} and each write replace as a whole (copy on write), so that a read is two hash
 * lookups with no lock and no copy. Writes go to DynamoDB, then into memory.
 * <p>
 * A new snapshot is installed in the configuration source first, then in the store's memory, and its change events are
 * fired after both (see "When a change is seen" in config-stores.adoc): whoever sees a new value through {@code get}
 * sees it through MicroProfile Config too, and an observer sees it through both.
 */
public class CachedConfigStore extends DefaultConfigStore {

    private final Consumer<Map<String, ConfigOption>> source;
    /** Guards replacing the snapshot and the journal. */
    private final Object lock = new Object();
    private final WriteJournal journal = new WriteJournal();
    /** Null until the first load. */
    private volatile StoreSnapshot snapshot;

    /** @param source receives every new set of options (the store's configuration source) */
    public CachedConfigStore(StoreSettings settings, DocumentClient documents, Consumer<ConfigStoreChange> changes,
            Consumer<Map<String, ConfigOption>> source) {
        super(settings, documents, changes);
        this.source = source;
    }

    @Override
    public Map<String, Map<String, Object>> getAll() {
        return snapshot().values;
    }

    /**
     * Reads every option and serves them from now on; fires a change for each option added, changed or removed since
     * the previous load (none on the first).
     */
    @Override
    public void reload() {
        for (ConfigStoreChange change : load(null)) {
            changes.accept(change);
        }
    }

    @Override
    void start() {
        load(null);
    }

    @Override
    ConfigOption find(String option) {
        return snapshot().options.get(option);
    }

    @Override
    long knownVersion(String option) {
        ConfigOption known = snapshot().options.get(option);
        return known == null ? 0 : known.version();
    }

    /** A store that has not loaded could not serve what it writes, so it writes nothing. */
    @Override
    void beforeWrite() {
        if (snapshot == null) {
            throw notLoaded("; nothing was written");
        }
    }

    /** Its own writes fire no event: the writer knows. */
    @Override
    void wrote(String option, ConfigOption written) {
        replace(option, written, false);
    }

    /** What a conflict revealed was written by someone else: an event says so. */
    @Override
    void learned(String option, ConfigOption current) {
        replace(option, current, true);
    }

    /**
     * Reads every option and installs them; returns the changes found, to be fired by the caller.
     *
     * @param read runs once the options are read, before they are installed (null: nothing)
     */
    List<ConfigStoreChange> load(Runnable read) {
        long mark;
        synchronized (lock) {
            mark = journal.reloadStarted();
        }
        try {
            List<ConfigOption> all = items.readAll();
            if (read != null) {
                read.run();
            }
            synchronized (lock) {
                Map<String, ConfigOption> options = new HashMap<>();
                for (ConfigOption option : all) {
                    options.put(option.name(), option);
                }
                // writes through the store that the query may have missed
                journal.replaySince(mark, options);
                StoreSnapshot before = snapshot;
                install(StoreSnapshot.of(options.values()));
                return before == null ? List.of() : StoreChanges.between(settings.name(), before.options, options);
            }
        } finally {
            synchronized (lock) {
                journal.reloadEnded();
            }
        }
    }

    private void replace(String option, ConfigOption current, boolean fireChange) {
        ConfigStoreChange change = null;
        synchronized (lock) {
            StoreSnapshot before = snapshot();
            ConfigOption previous = before.options.get(option);
            if (StoreChanges.sameOption(previous, current)) {
                return;
            }
            if (settings.optimisticLocking() && previous != null && current != null
                    && current.version() < previous.version()) {
                // a write that landed earlier finishing after a later one: memory keeps the newer version
                return;
            }
            journal.wrote(option, current);
            install(before.with(option, current));
            if (fireChange) {
                change = StoreChanges.of(settings.name(), option, previous, current);
            }
        }
        if (change != null) {
            changes.accept(change);
        }
    }

    /** The configuration source first, then the store's memory; the caller fires the events after both. */
    private void install(StoreSnapshot next) {
        source.accept(next.options);
        snapshot = next;
    }

    private StoreSnapshot snapshot() {
        StoreSnapshot current = snapshot;
        if (current == null) {
            throw notLoaded("");
        }
        return current;
    }

    private ConfigStoreTableException notLoaded(String outcome) {
        return new ConfigStoreTableException(settings.name(), settings.tableName(),
                ConfigStoreTableException.Problem.NOT_READY, "Config store '" + settings.name()
                        + "' has not loaded its options yet (table '" + settings.tableName() + "')" + outcome,
                null);
    }
}
