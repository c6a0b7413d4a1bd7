package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.DynamoException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine's tables and its one lock. Every write (single items, batches, transactions, table changes) runs in
 * {@link #write} under the write lock, so writes are serialized and a condition checked in a write holds when its
 * change is applied; reads run in {@link #read} under the read lock, so that a read never sees half of a write.
 */
public final class Storage {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ConcurrentSkipListMap<String, Table> tables = new ConcurrentSkipListMap<>();
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private final Duration statusDelay;
    private final Clock clock;

    public Storage(Duration statusDelay) {
        this(statusDelay, Clock.systemUTC());
    }

    public Storage(Duration statusDelay, Clock clock) {
        this.statusDelay = statusDelay;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** A transition to {@code status} lasting the configured delay; null (no transition) when the delay is zero. */
    public Transition transition(String status) {
        return statusDelay.isZero() ? null : new Transition(status, now().plus(statusDelay));
    }

    public Duration statusDelay() {
        return statusDelay;
    }

    /** Registers a listener (the durability journal) called with every committed mutation's changes. */
    public void addCommitListener(CommitListener listener) {
        listeners.add(listener);
    }

    /** Runs a read under the read lock. */
    public <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs a write under the write lock: the writer validates and records its changes in the mutation; when it returns,
     * the listeners see the changes and then they are applied. Nothing is applied if the writer or a listener throws.
     */
    public <T> T write(Function<Mutation, T> writer) {
        lock.writeLock().lock();
        try {
            Mutation mutation = new Mutation();
            T result = writer.apply(mutation);
            List<Change> changes = mutation.changes();
            if (!changes.isEmpty()) {
                for (CommitListener listener : listeners) {
                    listener.committing(changes);
                }
                apply(changes);
            }
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Applies changes read back from a journal, without calling the listeners. */
    public void replay(List<Change> changes) {
        lock.writeLock().lock();
        try {
            apply(changes);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The table with this name in any status, or null. */
    public Table find(String name) {
        if (name == null) {
            return null;
        }
        Table table = tables.get(name);
        if (table != null && table.goneAt() != null && !now().isBefore(table.goneAt())) {
            tables.remove(name, table);
            return null;
        }
        return table;
    }

    /** The table with this name in any status; ResourceNotFoundException when there is none. */
    public Table table(String name) {
        Table table = find(name);
        if (table == null) {
            throw DynamoException.resourceNotFound("Requested resource not found");
        }
        return table;
    }

    /** A table that serves items (ACTIVE or UPDATING); ResourceNotFoundException otherwise, as DynamoDB answers. */
    public Table itemTable(String name) {
        Table table = find(name);
        if (table == null) {
            throw DynamoException.resourceNotFound("Requested resource not found");
        }
        String status = table.metadata().status(now());
        if (status.equals("CREATING") || status.equals("DELETING")) {
            throw DynamoException.resourceNotFound("Requested resource not found");
        }
        return table;
    }

    /** Names of all tables (including those still DELETING), in ListTables order. */
    public List<String> tableNames() {
        List<String> names = new ArrayList<>();
        for (String name : tables.keySet()) {
            if (find(name) != null) {
                names.add(name);
            }
        }
        return names;
    }

    private void apply(List<Change> changes) {
        for (Change change : changes) {
            if (change instanceof Change.TableCreated created) {
                tables.put(created.table(), new Table(created.metadata()));
            } else if (change instanceof Change.TableUpdated updated) {
                tables.get(updated.table()).applyMetadata(updated.metadata());
            } else if (change instanceof Change.TableDeleted deleted) {
                Table table = tables.get(deleted.table());
                if (table == null) {
                    continue;
                }
                Transition deleting = transition("DELETING");
                if (deleting == null) {
                    tables.remove(deleted.table());
                } else {
                    table.applyMetadata(table.metadata().withTransition(deleting));
                    table.goneAt(deleting.until());
                }
            } else if (change instanceof Change.ItemPut put) {
                tables.get(put.table()).applyPut(put);
            } else if (change instanceof Change.ItemDeleted deleted) {
                Table table = tables.get(deleted.table());
                ItemKey key = deleted.itemKey() != null ? deleted.itemKey() : table.keySchema().keyOf(deleted.key());
                deleted.removed(table.applyDelete(key));
            }
        }
    }
}
