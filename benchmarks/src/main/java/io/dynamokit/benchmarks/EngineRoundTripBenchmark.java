package io.dynamokit.benchmarks;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The server's share of a call, without the SDK: {@link EngineThroughputBenchmark}'s {@code PutItem} and
 * {@code GetItem} of 1 KB items, sent as prepared bytes by {@link KeptAliveConnection}, one kept-alive connection per
 * caller, from 1 caller and from 16. With the AWS SDK two thirds of a call's CPU is the client's, on the same 2 cores
 * as the server; here the client writes and reads a socket and nothing else, so what is measured is loopback and the
 * server: the {@code engine} (in memory), the {@code limit} ({@link ProtocolLimitServer}, which parses the request and
 * answers a {@code GetItem} with the 1 KB item, a {@code PutItem} with {@code {}}) or the peer, {@code dynalite} ({@link Dynalite}; that target's run fails with "dynalite skipped:
 * ..." when node or dynalite is not there). Every answer's status is checked, and the set-up checks that a
 * {@code GetItem} answers the item written.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 4, time = 4)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-Djmh.shutdownTimeout=1" })
@State(Scope.Benchmark)
public class EngineRoundTripBenchmark {

    private static final String TABLE = "roundtrip";

    /** The server called: {@code engine}, {@code limit} or {@code dynalite}. */
    @Param({ "engine", "limit", "dynalite" })
    String target;

    private InProcessServer server;
    private Dynalite dynalite;
    private int port;
    private byte[][] puts;
    private byte[][] gets;

    /** Each caller's connection and position in the key cycle. */
    @State(Scope.Thread)
    public static class Caller {
        KeptAliveConnection connection;
        int next = ThreadLocalRandom.current().nextInt(EngineThroughputBenchmark.KEYS);

        @Setup(Level.Trial)
        public void connect(EngineRoundTripBenchmark benchmark) throws IOException {
            connection = new KeptAliveConnection(benchmark.port);
        }

        byte[] next(byte[][] requests) {
            int index = next;
            next = index + 1 == requests.length ? 0 : index + 1;
            return requests[index];
        }

        @TearDown(Level.Trial)
        public void disconnect() throws IOException {
            connection.close();
        }
    }

    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
        puts = new byte[EngineThroughputBenchmark.KEYS][];
        gets = new byte[EngineThroughputBenchmark.KEYS][];
        for (int i = 0; i < puts.length; i++) {
            Map<String, AttributeValue> item = EngineThroughputBenchmark.item(i);
            puts[i] = KeptAliveConnection.post("PutItem", "{\"TableName\":\"" + TABLE + "\",\"Item\":"
                    + EngineThroughputBenchmark.itemJson(item) + "}");
            gets[i] = KeptAliveConnection.post("GetItem", "{\"TableName\":\"" + TABLE + "\",\"Key\":{\"id\":{\"S\":\""
                    + item.get("id").s() + "\"}}}");
        }
        if (target.equals("dynalite")) {
            dynalite = Dynalite.start();
            port = dynalite.endpoint().getPort();
        } else {
            // the limit answers every GetItem with the 1 KB item, as the engine does, and a PutItem with {}
            server = InProcessServer.start(target, EngineThroughputBenchmark.getItemAnswer(0));
            port = server.endpoint().getPort();
        }
        if (!target.equals("limit")) {
            try (KeptAliveConnection connection = new KeptAliveConnection(port)) {
                expectOk(connection.call(KeptAliveConnection.post("CreateTable", "{\"TableName\":\"" + TABLE
                        + "\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"id\","
                        + "\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\","
                        + "\"AttributeType\":\"S\"}]}")), "CreateTable");
                awaitActive(connection);
                for (byte[] put : puts) {
                    expectOk(connection.call(put), "PutItem");
                }
                String answer = connection.exchange(gets[0]);
                expectOk(connection.status(), "GetItem");
                String expected = "\"S\":\"" + EngineThroughputBenchmark.item(0).get("payload").s() + "\"";
                if (!answer.contains(expected)) {
                    throw new IllegalStateException(target + " did not answer the item written: " + answer);
                }
            }
        }
    }

    /** Waits (up to 10 s) until the table is ACTIVE: dynalite answers CREATING first, even with no delay set. */
    private static void awaitActive(KeptAliveConnection connection) throws IOException, InterruptedException {
        byte[] describe = KeptAliveConnection.post("DescribeTable", "{\"TableName\":\"" + TABLE + "\"}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!connection.exchange(describe).contains("\"TableStatus\":\"ACTIVE\"")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + TABLE + " not ACTIVE after 10 s");
            }
            Thread.sleep(10);
        }
    }

    private static int expectOk(int status, String what) {
        if (status != 200) {
            throw new IllegalStateException(what + " answered " + status);
        }
        return status;
    }

    @Benchmark
    @Threads(1)
    public int putItem(Caller caller) throws IOException {
        return expectOk(caller.connection.call(caller.next(puts)), "PutItem");
    }

    @Benchmark
    @Threads(1)
    public int getItem(Caller caller) throws IOException {
        return expectOk(caller.connection.call(caller.next(gets)), "GetItem");
    }

    @Benchmark
    @Threads(16)
    public int putItem16Callers(Caller caller) throws IOException {
        return expectOk(caller.connection.call(caller.next(puts)), "PutItem");
    }

    @Benchmark
    @Threads(16)
    public int getItem16Callers(Caller caller) throws IOException {
        return expectOk(caller.connection.call(caller.next(gets)), "GetItem");
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (server != null) {
            server.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }
}
