package io.dynamokit.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.openjdk.jmh.annotations.Warmup;

import io.dynamokit.document.AttributeValues;
import io.dynamokit.document.BatchWrite;
import io.dynamokit.document.DocumentClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Loading 50,000 items of about 200 bytes into an empty table of the embedded DynamoDB (DynamoKit Engine, in this JVM):
 * one {@link DocumentClient#batchWriteItem} call (requests of 25 items, 4 at a time) against a loop of
 * {@link DocumentClient#putItem} calls, with {@link #sdkBatchWriteItem4Threads} as the reference for what the SDK
 * alone does with the same requests and {@link #sdkPutItemLoop} as the reference for the loop. Each iteration writes
 * into a new table, created before and checked (item count) and deleted after the timed part.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-Djmh.shutdownTimeout=1" })
@State(Scope.Benchmark)
public class LoadBenchmark {

    /** How many items each run writes; fewer ({@code -p itemCount=5000}) for a quick check of the set-up only. */
    @Param({ "50000" })
    int itemCount;
    /** How many batch requests are in flight at once, for the document client and the SDK reference alike. */
    @Param({ "4" })
    int concurrency;
    static final int WRITES_PER_REQUEST = 25;

    private EmbeddedEngine dynamoDb;
    private DocumentClient client;
    private List<Map<String, Object>> items;
    private ExecutorService sdkThreads;
    private int tables;
    private String table;

    @Setup(Level.Trial)
    public void startDynamoDb() {
        dynamoDb = EmbeddedEngine.start(concurrency);
        client = dynamoDb.documentClient();
        sdkThreads = Executors.newFixedThreadPool(concurrency);
        items = new ArrayList<>(itemCount);
        long bytes = 0;
        for (int i = 0; i < itemCount; i++) {
            Map<String, Object> item = item(i);
            bytes += ItemSize.of(item);
            items.add(item);
        }
        System.out.printf("%n[load] %,d items, %d bytes each on average%n", itemCount, bytes / itemCount);
    }

    @Setup(Level.Iteration)
    public void createTable() {
        table = "load_" + (++tables);
        dynamoDb.createTable(table, "id", null);
        EngineThreadProfiler.timedPartStarted();
    }

    /** A few seconds per run: more runs for a tighter figure. */
    @Benchmark
    @Warmup(iterations = 8)
    @Measurement(iterations = 5)
    public void batchWriteItem() {
        client.batchWriteItem(BatchWrite.builder().putAll(table, items).build());
    }

    /**
     * The reference for {@link #batchWriteItem}: the same items as plain SDK {@code BatchWriteItem} requests of 25,
     * sent by 4 threads, without the document client.
     */
    @Benchmark
    @Warmup(iterations = 8)
    @Measurement(iterations = 5)
    public void sdkBatchWriteItem4Threads() throws InterruptedException, ExecutionException {
        List<WriteRequest> writes = new ArrayList<>(items.size());
        for (Map<String, Object> item : items) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(AttributeValues.toItem(item)).build())
                    .build());
        }
        List<Future<?>> lanes = new ArrayList<>(concurrency);
        for (int lane = 0; lane < concurrency; lane++) {
            int first = lane * WRITES_PER_REQUEST;
            lanes.add(sdkThreads.submit(() -> {
                for (int from = first; from < writes.size(); from += WRITES_PER_REQUEST * concurrency) {
                    BatchWriteItemResponse response = dynamoDb.sdkClient().batchWriteItem(BatchWriteItemRequest.builder()
                            .requestItems(Map.of(table, writes.subList(from, Math.min(writes.size(),
                                    from + WRITES_PER_REQUEST))))
                            .build());
                    if (response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()) {
                        throw new IllegalStateException("the engine left items unprocessed");
                    }
                }
                return null;
            }));
        }
        for (Future<?> lane : lanes) {
            lane.get();
        }
    }

    @Benchmark
    public void putItemLoop() {
        for (Map<String, Object> item : items) {
            client.putItem(table, item);
        }
    }

    /**
     * The reference for {@link #putItemLoop}: the same items, each converted and sent as a plain SDK {@code PutItem}
     * request, one after the other, without the document client.
     */
    @Benchmark
    public void sdkPutItemLoop() {
        for (Map<String, Object> item : items) {
            dynamoDb.sdkClient().putItem(PutItemRequest.builder().tableName(table).item(AttributeValues.toItem(item))
                    .build());
        }
    }

    @TearDown(Level.Iteration)
    public void checkAndDropTable() {
        EngineThreadProfiler.timedPartEnded(itemCount);
        long count = 0;
        for (ScanResponse page : dynamoDb.sdkClient()
                .scanPaginator(ScanRequest.builder().tableName(table).select(Select.COUNT).build())) {
            count += page.count();
        }
        if (count != itemCount) {
            throw new IllegalStateException(table + " holds " + count + " items, expected " + itemCount);
        }
        dynamoDb.deleteTable(table);
    }

    @TearDown(Level.Trial)
    public void stopDynamoDb() {
        sdkThreads.shutdownNow();
        dynamoDb.close();
    }

    /** An item of about 200 bytes. */
    static Map<String, Object> item(int i) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", String.format("item#%07d", i));
        item.put("name", String.format("Product %07d", i));
        item.put("category", "category-" + (i % 20));
        item.put("price", BigDecimal.valueOf(100 + i % 9_900, 2));
        item.put("quantity", i % 250);
        item.put("active", i % 3 != 0);
        item.put("createdAt", String.format("2024-03-%02dT%02d:%02d:%02dZ", 1 + i % 28, i % 24, i % 60, (i * 7) % 60));
        item.put("description", String.format("A sample product description for item %07d, padded to a fixed "
                + "length so that every item has the same size.", i));
        return item;
    }
}
