package io.dynamokit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * DynamoDB Local runs all the work of its database (SQLite through sqlite4java's {@code SQLiteQueue}) on one thread.
 * This profiler reports how much CPU time that thread used per item written in an iteration's timed part
 * ({@code ·db.cpu.per.item}, µs) and for what share of the timed part it was running ({@code ·db.busy}, %): a share
 * near 100 % means the single database thread, not the client, set the pace. Benchmarks report their work through
 * {@link #timedPartStarted()} and {@link #timedPartEnded(long)}; others get no extra results. Enable it with
 * {@code -prof io.dynamokit.benchmarks.DatabaseThreadProfiler}.
 */
public final class DatabaseThreadProfiler implements InternalProfiler {

    private static final String DATABASE_THREAD = "SQLiteQueue";

    private static volatile long startCpu;
    private static volatile long startWall;
    private static volatile Measurement last;

    private record Measurement(long cpuNanos, long wallNanos, long items) {
    }

    /** Called by a benchmark just before its timed part (in an iteration set-up). */
    static void timedPartStarted() {
        last = null;
        startCpu = databaseThreadCpuNanos();
        startWall = System.nanoTime();
    }

    /** Called by a benchmark just after its timed part (first thing in an iteration tear-down). */
    static void timedPartEnded(long items) {
        long wall = System.nanoTime() - startWall;
        last = new Measurement(databaseThreadCpuNanos() - startCpu, wall, items);
    }

    /** CPU time used so far by DynamoDB Local's database threads of this JVM. */
    static long databaseThreadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(DATABASE_THREAD)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }

    @Override
    public String getDescription() {
        return "CPU time of DynamoDB Local's database thread per item written";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        last = null;
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        Measurement measurement = last;
        if (measurement == null || measurement.items() == 0) {
            return List.of();
        }
        double perItemMicros = measurement.cpuNanos() / (double) TimeUnit.MICROSECONDS.toNanos(1) / measurement.items();
        double busy = 100.0 * measurement.cpuNanos() / measurement.wallNanos();
        return List.of(
                new ScalarResult("db.cpu.per.item", perItemMicros, "us", AggregationPolicy.AVG),
                new ScalarResult("db.busy", busy, "%", AggregationPolicy.AVG));
    }
}
