package io.dynamokit.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import io.dynamokit.document.BatchWrite;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.Query;

/**
 * Streaming every item of one partition (items of about 1.1 KB, 50,000 or 100,000 of them, so 57 or 114 MB) through
 * {@link DocumentClient#query}, and how much the heap grows meanwhile, measured by {@link HeapWatch} in a JVM with a
 * fixed 512 MB heap and the serial collector. DynamoKit Engine runs in the same JVM, so its share of the heap is
 * counted too.
 * <p>
 * The query asks for pages of {@value #PAGE_SIZE} items (about 0.9 MB, just under the 1 MB at which DynamoDB ends a
 * page), so that every page holds the same number of items whatever the server's own page cut.
 * <p>
 * {@link #stream} consumes the lazy stream item by item. {@link #collectToList} collects the same query into a list,
 * as a non-streaming API would return it: it is there to show what the measurement reports when the result is held.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m", "-XX:+UseSerialGC", "-Djmh.shutdownTimeout=1" })
@State(Scope.Benchmark)
public class StreamingQueryBenchmark {

    static final String TABLE = "stream_items";
    static final String PARTITION = "orders-2024";
    static final int PAYLOAD_LENGTH = 1_070;
    static final int LOAD_CHUNK = 5_000;
    /** Items per page: about 0.9 MB, just under DynamoDB's 1 MB page limit. */
    static final int PAGE_SIZE = 800;

    @Param({ "50000", "100000" })
    public int items;

    private EmbeddedEngine dynamoDb;
    private DocumentClient client;
    private Query query;
    private HeapWatch watch;
    private boolean measuring;
    /** What {@link #collectToList} returned, referenced until the heap has been measured. */
    private Object held;

    @Setup(Level.Trial)
    public void load() {
        dynamoDb = EmbeddedEngine.start(4);
        client = dynamoDb.documentClient();
        dynamoDb.createTable(TABLE, "pk", "seq");
        long started = System.nanoTime();
        long bytes = 0;
        for (int from = 0; from < items; from += LOAD_CHUNK) {
            BatchWrite.Builder batch = BatchWrite.builder();
            for (int i = from; i < Math.min(items, from + LOAD_CHUNK); i++) {
                Map<String, Object> item = item(i);
                bytes += ItemSize.of(item);
                batch.put(TABLE, item);
            }
            client.batchWriteItem(batch.build());
        }
        query = Query.on(TABLE).keyCondition("pk = :pk").value(":pk", PARTITION).limit(PAGE_SIZE);
        long count = client.count(query);
        if (count != items) {
            throw new IllegalStateException("The partition holds " + count + " items, expected " + items);
        }
        System.out.printf("%n[stream] loaded %,d items, %.1f MB (%d bytes per item) in %.1f s%n", items,
                bytes / 1e6, bytes / items, (System.nanoTime() - started) / 1e9);
    }

    @Setup(Level.Iteration)
    public void startWatch(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
        watch = HeapWatch.start();
    }

    @Benchmark
    public long stream(Blackhole blackhole) {
        long count = 0;
        try (Stream<Map<String, Object>> results = client.query(query)) {
            for (Map<String, Object> item : (Iterable<Map<String, Object>>) results::iterator) {
                blackhole.consume(item);
                count++;
            }
        }
        return checked(count);
    }

    @Benchmark
    public int collectToList() {
        List<Map<String, Object>> all;
        try (Stream<Map<String, Object>> results = client.query(query)) {
            all = results.collect(Collectors.toList());
        }
        held = all;
        return (int) checked(all.size());
    }

    @TearDown(Level.Iteration)
    public void stopWatch() {
        HeapWatch.Growth growth = watch.stop();
        held = null;
        System.out.printf("%n[heap] %s, %,d items: %s%n", measuring ? "measurement" : "warmup", items, growth);
    }

    @TearDown(Level.Trial)
    public void stop() {
        dynamoDb.close();
    }

    private long checked(long count) {
        if (count != items) {
            throw new IllegalStateException("The query returned " + count + " items, expected " + items);
        }
        return count;
    }

    /** An item of about 1.1 KB: the partition key, a sequence number, a few fields and a 1,070-character text. */
    static Map<String, Object> item(int i) {
        SplittableRandom random = new SplittableRandom(i);
        char[] payload = new char[PAYLOAD_LENGTH];
        for (int c = 0; c < payload.length; c++) {
            payload[c] = (char) ('a' + random.nextInt(26));
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("pk", PARTITION);
        item.put("seq", i);
        item.put("customer", "customer-" + (i % 1_000));
        item.put("total", random.nextInt(1_000_000) / 100.0);
        item.put("lines", new ArrayList<>(List.of(1 + random.nextInt(9), 1 + random.nextInt(9))));
        item.put("payload", new String(payload));
        return item;
    }
}
