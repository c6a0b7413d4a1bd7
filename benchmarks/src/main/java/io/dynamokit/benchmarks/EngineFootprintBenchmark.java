package io.dynamokit.benchmarks;

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
import io.dynamokit.engine.DynamoEngine;
import io.dynamokit.engine.EngineOptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What a large table costs DynamoKit Engine: 1,000,000 items of about 200 bytes ({@link LoadBenchmark#item}) written
 * into an empty table through plain SDK {@code BatchWriteItem} requests of 25, 4 in flight. Reports the CPU time of
 * the engine's request threads per item ({@code ·engine.cpu.per.item}, with
 * {@code -prof io.dynamokit.benchmarks.EngineThreadProfiler}) and the heap the items hold once written
 * ({@code ·heap.end}, with {@code -prof io.dynamokit.benchmarks.HeapProfiler}: the heap after a full collection, the
 * table still full, minus the heap before, the table empty), printed next to the items' size as DynamoDB counts it
 * ({@code TableSizeBytes}) in a {@code [footprint]} line. The loader builds each item as it sends it, so what stays on
 * the heap is the engine's.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms3g", "-Xmx3g", "-Djmh.shutdownTimeout=1" })
@State(Scope.Benchmark)
public class EngineFootprintBenchmark {

    /** How many items each run writes; fewer ({@code -p itemCount=20000}) to check the set-up quickly. */
    @Param({ "1000000" })
    int itemCount;

    private DynamoEngine engine;
    private DynamoDbClient client;
    private int tables;
    private String table;
    private HeapWatch watch;

    @Setup(Level.Trial)
    public void start() {
        engine = DynamoEngine.start(EngineOptions.defaults());
        client = SdkClients.forEndpoint(engine.endpoint(), 50);
    }

    @Setup(Level.Iteration)
    public void createTable() {
        table = "footprint_" + (++tables);
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build()));
        watch = HeapWatch.start();
        EngineThreadProfiler.timedPartStarted();
    }

    @Benchmark
    public void batchWriteItem() {
        BatchLoader.load(client, table, itemCount, 4, i -> AttributeValues.toItem(LoadBenchmark.item(i)));
    }

    @TearDown(Level.Iteration)
    public void measureAndDropTable() {
        EngineThreadProfiler.timedPartEnded(itemCount);
        HeapWatch.Growth growth = watch.stop();
        TableDescription description = client.describeTable(b -> b.tableName(table)).table();
        if (description.itemCount() != itemCount) {
            throw new IllegalStateException(table + " holds " + description.itemCount() + " items, expected "
                    + itemCount);
        }
        long counted = description.tableSizeBytes();
        System.out.printf("%n[footprint] %,d items, %,d bytes as DynamoDB counts them (%d per item); heap held %,d "
                + "bytes (%d per item): %.2f times their size; %s%n", itemCount, counted, counted / itemCount,
                growth.end(), growth.end() / itemCount, (double) growth.end() / counted, growth);
        client.deleteTable(b -> b.tableName(table));
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        engine.close();
    }
}
