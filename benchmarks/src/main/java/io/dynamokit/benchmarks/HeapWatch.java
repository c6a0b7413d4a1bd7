package io.dynamokit.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Measures how much the Java heap grows while a piece of work runs, in three ways:
 * <ul>
 * <li><b>live</b>: the highest heap occupancy right after a garbage collection during the work, minus the occupancy
 * after a full collection just before it. What survives a collection is what the work still references (plus, at
 * most, objects that were promoted and died since), so this is the memory the work holds, not what it allocates.</li>
 * <li><b>peak</b>: the highest used heap seen by a thread sampling every millisecond, garbage included, minus the same
 * baseline. It depends mostly on the size of the young generation.</li>
 * <li><b>end</b>: the occupancy after a full collection once the work is done, while its result is still referenced,
 * minus the baseline.</li>
 * </ul>
 * One watch runs at a time; {@link HeapProfiler} turns the last measurement into JMH results.
 */
final class HeapWatch {

    /** One measurement, in bytes. */
    record Growth(long baseline, long live, long peak, long end, long collections) {

        static double mb(long bytes) {
            return bytes / (1024.0 * 1024.0);
        }

        @Override
        public String toString() {
            return String.format("baseline %.1f MB, growth: live %.1f MB, peak %.1f MB (garbage included), "
                    + "end %.1f MB; %d collections during the run", mb(baseline), mb(live), mb(peak), mb(end),
                    collections);
        }
    }

    private static final Set<String> HEAP_POOLS = heapPools();
    private static final AtomicLong NOTIFIED = new AtomicLong();
    private static final AtomicLong MAX_AFTER_GC = new AtomicLong();
    private static final AtomicLong COLLECTIONS_SEEN = new AtomicLong();
    private static volatile boolean watching;
    private static volatile Growth last;

    static {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(HeapWatch::onCollection, null, null);
        }
    }

    private final long baseline;
    private final long collectionsBefore;
    private final Thread sampler;
    private volatile boolean sampling = true;
    private volatile long peak;

    private HeapWatch(long baseline, long collectionsBefore) {
        this.baseline = baseline;
        this.collectionsBefore = collectionsBefore;
        this.peak = baseline;
        this.sampler = new Thread(this::sample, "heap-sampler");
        this.sampler.setDaemon(true);
    }

    /** Collects garbage, takes the baseline and starts watching. */
    static HeapWatch start() {
        long baseline = collectedHeapUsed();
        MAX_AFTER_GC.set(0);
        COLLECTIONS_SEEN.set(0);
        watching = true;
        HeapWatch watch = new HeapWatch(baseline, collections());
        watch.sampler.start();
        return watch;
    }

    /**
     * Stops watching; call it while the work's result is still referenced.
     *
     * @return the measurement, also kept for {@link #takeLast()}
     */
    Growth stop() {
        sampling = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long collections = collections() - collectionsBefore;
        awaitNotifications();
        watching = false;
        long maxAfterGc = MAX_AFTER_GC.get();
        long seen = COLLECTIONS_SEEN.get();
        long end = collectedHeapUsed();
        long peakGrowth = Math.max(0, peak - baseline);
        // without a collection during the run, nothing was freed: the peak bounds what was live
        long liveGrowth = seen == 0 ? peakGrowth : Math.max(0, maxAfterGc - baseline);
        Growth growth = new Growth(baseline, liveGrowth, peakGrowth, Math.max(0, end - baseline), collections);
        last = growth;
        return growth;
    }

    /** The last measurement, once. */
    static Growth takeLast() {
        Growth growth = last;
        last = null;
        return growth;
    }

    private void sample() {
        Runtime runtime = Runtime.getRuntime();
        while (sampling) {
            long used = runtime.totalMemory() - runtime.freeMemory();
            if (used > peak) {
                peak = used;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Heap used after two full collections, once their notifications are in. */
    private static long collectedHeapUsed() {
        System.gc();
        System.gc();
        awaitNotifications();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static void onCollection(Notification notification, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            if (watching) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                        .from((CompositeData) notification.getUserData());
                long after = 0;
                for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (HEAP_POOLS.contains(pool.getKey())) {
                        after += pool.getValue().getUsed();
                    }
                }
                MAX_AFTER_GC.accumulateAndGet(after, Math::max);
                COLLECTIONS_SEEN.incrementAndGet();
            }
            NOTIFIED.incrementAndGet();
        }
    }

    /** Waits (up to 5 s) until every collection so far has been notified. */
    private static void awaitNotifications() {
        long target = collections();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (NOTIFIED.get() < target && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }

    private static Set<String> heapPools() {
        Set<String> names = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                names.add(pool.getName());
            }
        }
        return names;
    }
}
