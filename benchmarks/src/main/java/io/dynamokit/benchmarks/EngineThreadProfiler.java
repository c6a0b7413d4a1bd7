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
 * How much of the machine the engine itself used in an iteration's timed part: the CPU time of its request threads
 * (named {@code dynamokit-engine-connection-N}, one per client connection; they read, parse, execute and answer every
 * request) per item written
 * ({@code ·engine.cpu.per.item}, µs) and in cores ({@code ·engine.cores}: 1.0 means one core busy all along). What is
 * left of the machine went to the client side (building, signing and sending requests) and the JVM (garbage
 * collection, compilation). Benchmarks report their work through {@link #timedPartStarted()} and
 * {@link #timedPartEnded(long)}; others get no extra results. Enable it with
 * {@code -prof io.dynamokit.benchmarks.EngineThreadProfiler}.
 */
public final class EngineThreadProfiler implements InternalProfiler {

    private static final String ENGINE_THREAD = "dynamokit-engine-connection-";

    private static volatile long startCpu;
    private static volatile long startWall;
    private static volatile Measurement last;

    private record Measurement(long cpuNanos, long wallNanos, long items) {
    }

    /** Called by a benchmark just before its timed part (in an iteration set-up). */
    static void timedPartStarted() {
        last = null;
        startCpu = engineCpuNanos();
        startWall = System.nanoTime();
    }

    /** Called by a benchmark just after its timed part (first thing in an iteration tear-down). */
    static void timedPartEnded(long items) {
        long wall = System.nanoTime() - startWall;
        last = new Measurement(engineCpuNanos() - startCpu, wall, items);
    }

    /**
     * CPU time used so far by the engine's live request threads. A thread that ended during the timed part takes its
     * time with it: a connection's thread lives as long as the connection, and the SDK client keeps its connections
     * for a minute when idle, longer than any timed part here.
     */
    static long engineCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(ENGINE_THREAD)) {
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
        return "CPU time of DynamoKit Engine's request threads per item written";
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
        double cores = (double) measurement.cpuNanos() / measurement.wallNanos();
        return List.of(
                new ScalarResult("engine.cpu.per.item", perItemMicros, "us", AggregationPolicy.AVG),
                new ScalarResult("engine.cores", cores, "cores", AggregationPolicy.AVG));
    }
}
