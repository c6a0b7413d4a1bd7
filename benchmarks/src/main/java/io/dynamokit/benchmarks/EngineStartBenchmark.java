package io.dynamokit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
 * DynamoKit Engine's start-up as dev services see it: the first start in a JVM that has not loaded the engine yet,
 * from {@code DynamoEngine.start(EngineOptions.defaults())} until its answer to a first request
 * ({@code ListTables}, sent by {@link FirstRequest}) has been read. Each fork starts once ({@code SingleShotTime}, no
 * warm-up): the figure is a cold start, class loading included.
 * <p>
 * {@link #httpServerStart} is the baseline, in the same run and the same way: a JDK {@code HttpServer} that answers
 * {@code {}} to anything, started cold and asked the same request: the least a Java server on the JDK alone takes to
 * answer. The engine serves HTTP with its own small server on {@code java.net} sockets, so the difference between the
 * two is what the engine adds to start-up (its classes, HTTP server, JSON, dispatch, storage).
 * {@link #engineStartAlone} and {@link #httpServerStartAlone} time the starts without the request.
 * {@link EngineRestartBenchmark} measures starts in a JVM that already ran the engine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 10, jvmArgsAppend = { "-Xms256m", "-Xmx256m" })
public class EngineStartBenchmark {

    private DynamoEngine engine;
    private HttpServer server;

    @Benchmark
    public FirstRequest.Answer engineStart() throws IOException {
        engine = DynamoEngine.start(EngineOptions.defaults());
        return checked(FirstRequest.send(engine.port()), "TableNames");
    }

    @Benchmark
    public FirstRequest.Answer httpServerStart() throws IOException {
        server = doNothingServer();
        return checked(FirstRequest.send(server.getAddress().getPort()), "{}");
    }

    /** {@code DynamoEngine.start} alone: what dev services log as the engine's start-up. */
    @Benchmark
    public DynamoEngine engineStartAlone() {
        engine = DynamoEngine.start(EngineOptions.defaults());
        return engine;
    }

    /** The baseline's start alone. */
    @Benchmark
    public HttpServer httpServerStartAlone() throws IOException {
        server = doNothingServer();
        return server;
    }

    @TearDown(Level.Iteration)
    public void stop() {
        stopAll(engine, server);
        engine = null;
        server = null;
    }

    static void stopAll(DynamoEngine engine, HttpServer server) {
        if (engine != null) {
            engine.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** A JDK HTTP server on an ephemeral loopback port that reads each request and answers 200 with {@code {}}. */
    static HttpServer doNothingServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                in.transferTo(OutputStream.nullOutputStream());
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
                exchange.sendResponseHeaders(200, answer.length);
                out.write(answer);
            }
        });
        server.start();
        return server;
    }

    /** An answer other than 200 with the expected text in its body fails the run: a fast error is no start-up. */
    static FirstRequest.Answer checked(FirstRequest.Answer answer, String expected) {
        if (answer.status() != 200 || !answer.body().contains(expected)) {
            throw new IllegalStateException("first request answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
