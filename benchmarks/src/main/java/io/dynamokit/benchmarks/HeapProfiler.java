package io.dynamokit.benchmarks;

import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Adds the heap growth measured by {@link HeapWatch} in an iteration to JMH's results, as {@code ·heap.live},
 * {@code ·heap.peak} and {@code ·heap.end} (MB, the largest value over the iterations) and {@code ·heap.gcs} (the
 * mean number of collections during an iteration). Enable it with {@code -prof io.dynamokit.benchmarks.HeapProfiler};
 * benchmarks that do not use a {@link HeapWatch} get no extra results.
 */
public final class HeapProfiler implements InternalProfiler {

    @Override
    public String getDescription() {
        return "Heap growth measured by the benchmark (HeapWatch)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        HeapWatch.takeLast();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        HeapWatch.Growth growth = HeapWatch.takeLast();
        if (growth == null) {
            return List.of();
        }
        return List.of(
                new ScalarResult("heap.live", HeapWatch.Growth.mb(growth.live()), "MB", AggregationPolicy.MAX),
                new ScalarResult("heap.peak", HeapWatch.Growth.mb(growth.peak()), "MB", AggregationPolicy.MAX),
                new ScalarResult("heap.end", HeapWatch.Growth.mb(growth.end()), "MB", AggregationPolicy.MAX),
                new ScalarResult("heap.gcs", growth.collections(), "#", AggregationPolicy.AVG));
    }
}
