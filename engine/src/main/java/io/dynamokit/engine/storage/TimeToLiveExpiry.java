package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Time to live: one daemon thread per engine that, every interval, deletes the items of tables with time to live
 * enabled whose attribute is a number of epoch seconds in the past. As DynamoDB does, an item whose attribute is not a
 * number (a string, a set) never expires, nor does one whose time lies more than five years back. Deletions go through
 * {@link Storage#write} like any other, so indexes, counts and the journal follow; each is checked again under the
 * write lock, so an item rewritten since the sweep read it stays.
 */
public final class TimeToLiveExpiry implements AutoCloseable {
    private static final long FIVE_YEARS_SECONDS = Duration.ofDays(5 * 365).getSeconds();
    /** Deletions per write, so that one sweep does not hold the write lock for long. */
    private static final int BATCH = 100;

    private final Storage storage;
    private final ScheduledExecutorService executor;

    private TimeToLiveExpiry(Storage storage, ScheduledExecutorService executor) {
        this.storage = storage;
        this.executor = executor;
    }

    /** Starts sweeping every {@code interval}. */
    public static TimeToLiveExpiry start(Storage storage, Duration interval) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dynamokit-engine-time-to-live");
            thread.setDaemon(true);
            return thread;
        });
        TimeToLiveExpiry expiry = new TimeToLiveExpiry(storage, executor);
        long millis = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(expiry::sweepLogged, millis, millis, TimeUnit.MILLISECONDS);
        return expiry;
    }

    /** Deletes every item expired now; returns how many. */
    public int sweep() {
        int deleted = 0;
        for (String name : storage.tableNames()) {
            Table table = storage.find(name);
            if (table == null || table.metadata().timeToLiveAttribute() == null) {
                continue;
            }
            List<ItemKey> expired = new ArrayList<>();
            long now = storage.now().getEpochSecond();
            // The item map is a concurrent map: reading it without the lock is safe, and each candidate is checked
            // again under the write lock before it is deleted.
            for (Map.Entry<ItemKey, Map<String, AttributeValue>> e : table.items().entrySet()) {
                if (expired(e.getValue(), table.metadata().timeToLiveAttribute(), now)) {
                    expired.add(e.getKey());
                }
            }
            for (int from = 0; from < expired.size() && !executor.isShutdown(); from += BATCH) {
                List<ItemKey> batch = expired.subList(from, Math.min(expired.size(), from + BATCH));
                deleted += storage.write(mutation -> delete(mutation, table, batch));
            }
        }
        return deleted;
    }

    private int delete(Mutation mutation, Table table, List<ItemKey> keys) {
        if (storage.find(table.name()) != table) {
            return 0;
        }
        String attribute = table.metadata().timeToLiveAttribute();
        if (attribute == null) {
            return 0;
        }
        long now = storage.now().getEpochSecond();
        int deleted = 0;
        for (ItemKey key : keys) {
            Map<String, AttributeValue> item = table.get(key);
            if (item != null && expired(item, attribute, now)) {
                mutation.deleteExpired(table, item);
                deleted++;
            }
        }
        return deleted;
    }

    static boolean expired(Map<String, AttributeValue> item, String attribute, long nowSeconds) {
        if (!(item.get(attribute) instanceof AttributeValue.N number)) {
            return false;
        }
        BigDecimal seconds = new BigDecimal(number.value());
        return seconds.compareTo(BigDecimal.valueOf(nowSeconds)) < 0
                && seconds.compareTo(BigDecimal.valueOf(nowSeconds - FIVE_YEARS_SECONDS)) >= 0;
    }

    private void sweepLogged() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // A failed sweep (a table deleted meanwhile, a journal that refused the write) is retried by the next.
            log().log(Level.WARNING, "time to live sweep failed", e);
        }
    }

    /** Stops sweeping and waits for a sweep in progress, so that no deletion is written after the engine closed. */
    @Override
    public void close() {
        // Not shutdownNow: interrupting a sweep inside a write would close the journal's file channel.
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log().warning("time to live sweep did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Looked up when something is logged: java.util.logging's set-up would add to every engine's cold start. */
    private static Logger log() {
        return Logger.getLogger(TimeToLiveExpiry.class.getName());
    }
}
