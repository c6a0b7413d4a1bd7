package io.dynamokit.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.dynamokit.document.BatchWrite;
import io.dynamokit.runtime.configstore.DefaultConfigStore;
import io.dynamokit.runtime.configstore.PeriodicConfigStore;
import io.dynamokit.runtime.configstore.PeriodicRefresher;
import io.dynamokit.runtime.configstore.StoreSettings;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@code ConfigStore.get(option, key)}: a {@code cached} store and a {@code periodic} one (refreshed every second in
 * the background while it is measured) serve it from memory; a {@code direct} store asks DynamoKit Engine (in-process,
 * over loopback) every time. 200 options of 5 values each; each call reads the next option.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xmx1g" })
public class ConfigStoreReadBenchmark {

    static final String TABLE = "BenchConfig";
    static final int OPTIONS = 200;

    private EmbeddedEngine dynamo;
    private ScheduledExecutorService scheduler;
    private PeriodicRefresher refresher;
    private DefaultConfigStore cached;
    private DefaultConfigStore periodic;
    private DefaultConfigStore direct;
    private String[] options;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        dynamo = EmbeddedEngine.start(2);
        dynamo.documentClient().createTable(CreateTableRequest.builder().tableName(TABLE)
                .keySchema(KeySchemaElement.builder().attributeName("_store").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("_option").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("_store").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("_option").attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
        dynamo.documentClient().awaitActive(TABLE, Duration.ofSeconds(30));
        options = new String[OPTIONS];
        BatchWrite.Builder batch = BatchWrite.builder();
        for (int i = 0; i < OPTIONS; i++) {
            options[i] = "option-" + i;
            batch.put(TABLE, Map.of("_store", "bench", "_option", options[i], "enabled", i % 2 == 0, "limit", i,
                    "name", "value " + i, "ratio", 0.5, "owner", "team-" + (i % 7)));
        }
        dynamo.documentClient().batchWriteItem(batch.build());
        cached = store(StoreSettings.Mode.CACHED);
        periodic = store(StoreSettings.Mode.PERIODIC);
        direct = store(StoreSettings.Mode.DIRECT);
        cached.reload();
        periodic.reload();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "config-store-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher = new PeriodicRefresher(scheduler);
        refresher.add((PeriodicConfigStore) periodic);
        if (!Long.valueOf(OPTIONS - 1).equals(direct.get(options[OPTIONS - 1], "limit").orElseThrow())
                || cached.getAll().size() != OPTIONS || periodic.getAll().size() != OPTIONS) {
            throw new IllegalStateException("the stores do not hold the " + OPTIONS + " options written");
        }
    }

    private DefaultConfigStore store(StoreSettings.Mode mode) {
        StoreSettings settings = new StoreSettings("bench-" + mode.configName(), TABLE, "bench", "_store", "_option",
                mode, Duration.ofSeconds(1), null, false, BillingMode.PAY_PER_REQUEST, 0, 0, Duration.ofSeconds(30),
                false);
        return DefaultConfigStore.of(settings, dynamo.documentClient(), change -> {
        }, loaded -> {
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        refresher.stop();
        scheduler.shutdownNow();
        dynamo.close();
    }

    private String nextOption() {
        int i = next + 1;
        if (i == OPTIONS) {
            i = 0;
        }
        next = i;
        return options[i];
    }

    @Benchmark
    public Optional<Object> cachedGet() {
        return cached.get(nextOption(), "limit");
    }

    @Benchmark
    public Optional<Object> periodicGet() {
        return periodic.get(nextOption(), "limit");
    }

    @Benchmark
    public Optional<Object> directGet() {
        return direct.get(nextOption(), "limit");
    }
}
