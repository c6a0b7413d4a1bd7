package io.dynamokit.benchmarks;

import java.util.ArrayList;
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
 * Adds to the results of {@link StartupBenchmark} what the launched application logged: {@code ·startup.quarkus}, the
 * "started in" figure of Quarkus (from its main method, so without the JVM's own start), and
 * {@code ·startup.schema}, the time DynamoKit's schema management reported (absent when it did not run), and
 * {@code ·startup.firstRequest}, how long the application's first API request took once it had started (timed after
 * the measured part); all in ms, averaged over the iterations. Enable it with {@code -prof io.dynamokit.benchmarks.StartupProfiler}; other
 * benchmarks get no extra results.
 */
public final class StartupProfiler implements InternalProfiler {

    @Override
    public String getDescription() {
        return "Start-up figures logged by the application StartupBenchmark launches";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        StartupBenchmark.last = null;
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        StartupBenchmark.Launch launch = StartupBenchmark.last;
        StartupBenchmark.last = null;
        if (launch == null) {
            return List.of();
        }
        List<Result> results = new ArrayList<>();
        results.add(new ScalarResult("startup.quarkus", launch.quarkusMillis(), "ms", AggregationPolicy.AVG));
        if (launch.schemaMillis() >= 0) {
            results.add(new ScalarResult("startup.schema", launch.schemaMillis(), "ms", AggregationPolicy.AVG));
        }
        if (launch.firstRequestMillis() >= 0) {
            results.add(new ScalarResult("startup.firstRequest", launch.firstRequestMillis(), "ms",
                    AggregationPolicy.AVG));
        }
        return results;
    }
}
