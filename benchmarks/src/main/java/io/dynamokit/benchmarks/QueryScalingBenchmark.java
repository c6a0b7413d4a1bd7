package io.dynamokit.benchmarks;

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
import org.openjdk.jmh.annotations.Warmup;

import io.dynamokit.engine.DynamoEngine;
import io.dynamokit.engine.EngineOptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Whether a Query's time depends on the size of its partition: a {@code Query} for 100 items of one partition
 * ({@code pk = :p AND sk >= :from}, {@code Limit 100}, from a random sort key each time) in a partition of 1,000 items
 * and in one of 1,000,000, on DynamoKit Engine in this JVM. The partition is loaded in the set-up through plain SDK
 * {@code BatchWriteItem} requests (4 in flight); its items are about 100 bytes, so that a million of them load in a
 * bounded time and fit the fork's heap.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms3g", "-Xmx3g", "-Djmh.shutdownTimeout=1" })
@State(Scope.Benchmark)
public class QueryScalingBenchmark {

    static final int PAGE = 100;
    private static final String TABLE = "scaling";
    private static final AttributeValue PARTITION = AttributeValue.fromS("partition-1");

    /** How many items the queried partition holds. */
    @Param({ "1000", "1000000" })
    int partitionSize;

    private DynamoEngine engine;
    private DynamoDbClient client;

    @Setup(Level.Trial)
    public void load() {
        engine = DynamoEngine.start(EngineOptions.defaults());
        client = SdkClients.forEndpoint(engine.endpoint(), 50);
        client.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N)
                                .build()));
        long start = System.nanoTime();
        BatchLoader.load(client, TABLE, partitionSize, 4, QueryScalingBenchmark::item);
        long count = client.describeTable(b -> b.tableName(TABLE)).table().itemCount();
        if (count != partitionSize) {
            throw new IllegalStateException(TABLE + " holds " + count + " items, expected " + partitionSize);
        }
        System.out.printf("%n[query-scaling] %,d items loaded in %.1f s%n", partitionSize,
                (System.nanoTime() - start) / 1e9);
    }

    @Benchmark
    public QueryResponse query100() {
        int from = ThreadLocalRandom.current().nextInt(partitionSize - PAGE + 1);
        QueryResponse page = client.query(QueryRequest.builder().tableName(TABLE)
                .keyConditionExpression("pk = :p AND sk >= :from")
                .expressionAttributeValues(Map.of(":p", PARTITION, ":from", AttributeValue.fromN(
                        Integer.toString(from))))
                .limit(PAGE)
                .build());
        if (page.count() != PAGE) {
            throw new IllegalStateException("the query returned " + page.count() + " items");
        }
        return page;
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        engine.close();
    }

    /** About 100 bytes. */
    static Map<String, AttributeValue> item(int i) {
        return Map.of("pk", PARTITION, "sk", AttributeValue.fromN(Integer.toString(i)),
                "data", AttributeValue.fromS(String.format("item %07d of the partition, some text to fill it up", i)),
                "flag", AttributeValue.fromBool(i % 2 == 0));
    }
}
