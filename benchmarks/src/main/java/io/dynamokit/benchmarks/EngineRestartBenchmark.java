package io.dynamokit.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.sun.net.httpserver.HttpServer;

import io.dynamokit.engine.DynamoEngine;
import io.dynamokit.engine.EngineOptions;

/**
 * The start-up of {@link EngineStartBenchmark} in a JVM that has started and stopped the engine before (its classes
 * loaded and compiled): what a test suite that starts an engine per test class pays after the first. Same request,
 * same baseline, many starts per fork.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 200)
@Measurement(iterations = 200)
@Fork(value = 2, jvmArgsAppend = { "-Xms256m", "-Xmx256m" })
public class EngineRestartBenchmark {

    private DynamoEngine engine;
    private HttpServer server;

    @Benchmark
    public FirstRequest.Answer engineStart() throws IOException {
        engine = DynamoEngine.start(EngineOptions.defaults());
        return EngineStartBenchmark.checked(FirstRequest.send(engine.port()), "TableNames");
    }

    @Benchmark
    public FirstRequest.Answer httpServerStart() throws IOException {
        server = EngineStartBenchmark.doNothingServer();
        return EngineStartBenchmark.checked(FirstRequest.send(server.getAddress().getPort()), "{}");
    }

    @TearDown(Level.Iteration)
    public void stop() {
        EngineStartBenchmark.stopAll(engine, server);
        engine = null;
        server = null;
    }
}
