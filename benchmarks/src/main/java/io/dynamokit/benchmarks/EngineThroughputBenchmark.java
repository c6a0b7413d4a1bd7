package io.dynamokit.benchmarks;

import java.net.URI;
import java.util.LinkedHashMap;
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

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Calls per second of {@code PutItem} and {@code GetItem} with items of 1 KB (1,024 bytes as DynamoDB counts them),
 * from 1 caller and from 16, against three servers on 127.0.0.1, by the same SDK client ({@link SdkClients}, 50
 * connections):
 * <ul>
 * <li>{@code engine}: DynamoKit Engine in this JVM, in memory;</li>
 * <li>{@code limit}: {@link ProtocolLimitServer}, in this JVM on the engine's HTTP stack, which parses each request
 * and answers a fixed body: what the stack, the parser and the client allow at most;</li>
 * <li>{@code dynalite}: {@link Dynalite}, the peer, a child process on Node (the run of that target fails with
 * "dynalite skipped: ..." when node or dynalite is not there).</li>
 * </ul>
 * The callers cycle through 1,000 keys, from a random start each; the requests are built once, in the set-up, so that
 * the timed part is the call: the client's marshalling, signing and HTTP, the server, and the answer's parsing. The
 * engine's and the limit's figures include the client's share of the same 2 cores; dynalite runs in its own process.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 4, time = 4)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-Djmh.shutdownTimeout=1" })
@State(Scope.Benchmark)
public class EngineThroughputBenchmark {

    static final int KEYS = 1_000;
    static final int ITEM_BYTES = 1_024;
    private static final String TABLE = "throughput";

    /** The server called: {@code engine}, {@code limit} or {@code dynalite}. */
    @Param({ "engine", "limit", "dynalite" })
    String target;

    private InProcessServer server;
    private Dynalite dynalite;
    private DynamoDbClient client;
    private PutItemRequest[] puts;
    private GetItemRequest[] gets;

    /** Each caller's position in the key cycle. */
    @State(Scope.Thread)
    public static class Caller {
        int next = ThreadLocalRandom.current().nextInt(KEYS);

        int next() {
            int index = next;
            next = index + 1 == KEYS ? 0 : index + 1;
            return index;
        }
    }

    @Setup(Level.Trial)
    public void start() {
        puts = new PutItemRequest[KEYS];
        gets = new GetItemRequest[KEYS];
        for (int i = 0; i < KEYS; i++) {
            Map<String, AttributeValue> item = item(i);
            puts[i] = PutItemRequest.builder().tableName(TABLE).item(item).build();
            gets[i] = GetItemRequest.builder().tableName(TABLE).key(Map.of("id", item.get("id"))).build();
        }
        URI endpoint;
        switch (target) {
            case "dynalite" -> {
                dynalite = Dynalite.start();
                endpoint = dynalite.endpoint();
            }
            default -> {
                server = InProcessServer.start(target, getItemAnswer(0));
                endpoint = server.endpoint();
            }
        }
        client = SdkClients.forEndpoint(endpoint, 50);
        if (!target.equals("limit")) {
            createTable(client);
        }
        for (PutItemRequest put : puts) {
            client.putItem(put);
        }
        GetItemResponse answer = client.getItem(gets[0]);
        if (!answer.hasItem() || !answer.item().equals(item(0))) {
            throw new IllegalStateException(target + " did not answer the item written: " + answer);
        }
    }

    @Benchmark
    @Threads(1)
    public PutItemResponse putItem(Caller caller) {
        return client.putItem(puts[caller.next()]);
    }

    @Benchmark
    @Threads(1)
    public GetItemResponse getItem(Caller caller) {
        return client.getItem(gets[caller.next()]);
    }

    @Benchmark
    @Threads(16)
    public PutItemResponse putItem16Callers(Caller caller) {
        return client.putItem(puts[caller.next()]);
    }

    @Benchmark
    @Threads(16)
    public GetItemResponse getItem16Callers(Caller caller) {
        return client.getItem(gets[caller.next()]);
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    static void createTable(DynamoDbClient client) {
        client.createTable(CreateTableRequest.builder()
                .tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .build());
        client.waiter().waitUntilTableExists(b -> b.tableName(TABLE));
    }

    /** An item of {@value #ITEM_BYTES} bytes as DynamoDB counts them: a key, a number and a text. */
    static Map<String, AttributeValue> item(int i) {
        String id = String.format("item#%06d", i);
        String number = Integer.toString(i);
        Map<String, Object> sized = new LinkedHashMap<>();
        sized.put("id", id);
        sized.put("n", i);
        sized.put("payload", "");
        int payload = ITEM_BYTES - (int) ItemSize.of(sized);
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS(id));
        item.put("n", AttributeValue.fromN(number));
        item.put("payload", AttributeValue.fromS(text(i, payload)));
        return item;
    }

    private static String text(int seed, int length) {
        StringBuilder text = new StringBuilder(length);
        String words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ";
        for (int i = seed % words.length(); text.length() < length; i++) {
            text.append(words.charAt(i % words.length()));
        }
        return text.toString();
    }

    /** The limit's answer to every GetItem: item 0, as the engine writes it. */
    static String getItemAnswer(int i) {
        return "{\"Item\":" + itemJson(item(i)) + "}";
    }

    /**
     * An item of {@link #item} in DynamoDB's JSON, as requests carry it and the engine answers it; its strings are
     * letters, digits, '#' and spaces, which need no escaping.
     */
    static String itemJson(Map<String, AttributeValue> item) {
        return "{\"id\":{\"S\":\"" + item.get("id").s() + "\"},\"n\":{\"N\":\"" + item.get("n").n()
                + "\"},\"payload\":{\"S\":\"" + item.get("payload").s() + "\"}}";
    }
}
