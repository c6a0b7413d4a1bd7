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
 * The server's share of a call, without the SDK: {@link EngineThroughputBenchmark}'s {@code PutItem} of 1 KB items,
 * sent as prepared bytes by {@link KeptAliveConnection}, one kept-alive connection per caller, from 1 caller and
 * from 16. With the AWS SDK two thirds of a call's CPU is the client's; here the client writes and reads a socket and
 * nothing else, so what is measured is loopback and the server: the {@code engine} (in memory) or the {@code limit}
 * ({@link ProtocolLimitServer}, which parses the request and answers {@code {}}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 4, time = 4)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-Djmh.shutdownTimeout=1" })
@State(Scope.Benchmark)
public class EngineRoundTripBenchmark {

    private static final String TABLE = "roundtrip";

    /** The server called: {@code engine} or {@code limit}. */
    @Param({ "engine", "limit" })
    String target;

    private InProcessServer server;
    private int port;
    private byte[][] puts;

    /** Each caller's connection and position in the key cycle. */
    @State(Scope.Thread)
    public static class Caller {
        KeptAliveConnection connection;
        int next = ThreadLocalRandom.current().nextInt(EngineThroughputBenchmark.KEYS);

        @Setup(Level.Trial)
        public void connect(EngineRoundTripBenchmark benchmark) throws IOException {
            connection = new KeptAliveConnection(benchmark.port);
        }

        byte[] nextPut(byte[][] puts) {
            int index = next;
            next = index + 1 == puts.length ? 0 : index + 1;
            return puts[index];
        }

        @TearDown(Level.Trial)
        public void disconnect() throws IOException {
            connection.close();
        }
    }

    @Setup(Level.Trial)
    public void start() throws IOException {
        puts = new byte[EngineThroughputBenchmark.KEYS][];
        for (int i = 0; i < puts.length; i++) {
            puts[i] = KeptAliveConnection.post("PutItem", putItem(EngineThroughputBenchmark.item(i)));
        }
        server = InProcessServer.start(target, "{}");
        port = server.endpoint().getPort();
        if (target.equals("engine")) {
            try (KeptAliveConnection connection = new KeptAliveConnection(port)) {
                expectOk(connection.call(KeptAliveConnection.post("CreateTable", "{\"TableName\":\"" + TABLE
                        + "\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"id\","
                        + "\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\","
                        + "\"AttributeType\":\"S\"}]}")), "CreateTable");
            }
        }
    }

    private static String putItem(Map<String, AttributeValue> item) {
        return "{\"TableName\":\"" + TABLE + "\",\"Item\":" + EngineThroughputBenchmark.itemJson(item) + "}";
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
        return expectOk(caller.connection.call(caller.nextPut(puts)), "PutItem");
    }

    @Benchmark
    @Threads(16)
    public int putItem16Callers(Caller caller) throws IOException {
        return expectOk(caller.connection.call(caller.nextPut(puts)), "PutItem");
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
