package io.dynamokit.runtime.configstore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

/**
 * Refreshes every {@code periodic} store of the application with one task: it runs when the earliest store is due,
 * refreshes the stores that are due, one after the other, and schedules itself again for the next one. No thread of its
 * own: the task runs on the application's executor.
 */
public final class PeriodicRefresher {

    private static final Logger LOG = Logger.getLogger(PeriodicRefresher.class);

    private final ScheduledExecutorService executor;
    private final LongSupplier nanoClock;
    private final List<Entry> entries = new ArrayList<>();
    private ScheduledFuture<?> next;
    private boolean stopped;

    public PeriodicRefresher(ScheduledExecutorService executor) {
        this(executor, System::nanoTime);
    }

    PeriodicRefresher(ScheduledExecutorService executor, LongSupplier nanoClock) {
        this.executor = executor;
        this.nanoClock = nanoClock;
    }

    /** Refreshes the store every {@code refresh-interval}, the first time one interval from now. */
    public synchronized void add(PeriodicConfigStore store) {
        long interval = store.settings().refreshInterval().toNanos();
        entries.add(new Entry(store, interval, nanoClock.getAsLong() + interval));
        schedule();
    }

    /** Stops refreshing (application shut-down). A refresh running now completes. */
    public synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    /** How many stores it refreshes. */
    public synchronized int size() {
        return entries.size();
    }

    private synchronized void schedule() {
        if (stopped || entries.isEmpty()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        long due = Long.MAX_VALUE;
        for (Entry entry : entries) {
            due = Math.min(due, entry.due);
        }
        next = executor.schedule(this::run, Math.max(0, due - nanoClock.getAsLong()), TimeUnit.NANOSECONDS);
    }

    private void run() {
        List<Entry> due = new ArrayList<>();
        synchronized (this) {
            if (stopped) {
                return;
            }
            long now = nanoClock.getAsLong();
            for (Entry entry : entries) {
                if (entry.due - now <= 0) {
                    due.add(entry);
                }
            }
        }
        for (Entry entry : due) {
            try {
                entry.store.refresh();
            } catch (RuntimeException e) {
                // refresh() handles DynamoDB's failures; this is an observer of the change events failing
                LOG.errorf(e, "Refreshing config store '%s' failed", entry.store.settings().name());
            }
            synchronized (this) {
                entry.due = nanoClock.getAsLong() + entry.interval;
            }
        }
        schedule();
    }

    private static final class Entry {

        final PeriodicConfigStore store;
        final long interval;
        long due;

        Entry(PeriodicConfigStore store, long interval, long due) {
            this.store = store;
            this.interval = interval;
            this.due = due;
        }
    }
}
