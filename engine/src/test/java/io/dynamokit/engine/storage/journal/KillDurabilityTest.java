package io.dynamokit.engine.storage.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.DynamoEngine;
import io.dynamokit.engine.EngineOptions;
import io.dynamokit.engine.Main;
import io.dynamokit.engine.support.ChildJvm;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The standalone engine in its own process, killed with SIGKILL while four clients write to it: started again on
 * its directory, it holds every write it acknowledged, and each transaction whole or not at all.
 */
class KillDurabilityTest {
    private static final int WRITERS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 160;

    @TempDir
    Path directory;
    @TempDir
    Path logs;

    /** What the clients asked and what the engine acknowledged, by item key ("pk/sk"). */
    private final Map<String, String> acknowledgedPuts = new ConcurrentHashMap<>();
    private final Set<String> attemptedPuts = ConcurrentHashMap.newKeySet();
    private final Set<String> attemptedDeletes = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledgedDeletes = ConcurrentHashMap.newKeySet();
    private final Set<String> attemptedTransactions = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledgedTransactions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();

    @Test
    void everyAcknowledgedWriteSurvivesAKillDuringAWriteStream() throws Exception {
        Path data = directory.resolve("data");
        try (ChildJvm child = ChildJvm.start(logs.resolve("engine.err"), Main.class, "--port", "0", "--data-dir",
                data.toString())) {
            String line = child.readLine(60);
            assertThat(line).startsWith("DynamoKit Engine listening on http://127.0.0.1:");
            URI endpoint = URI.create(line.substring(line.indexOf("http://")));
            try (DynamoDbClient dynamo = Clients.to(endpoint)) {
                dynamo.createTable(r -> r.tableName("ledger")
                        .attributeDefinitions(DurabilityTest.definition("pk", ScalarAttributeType.S),
                                DurabilityTest.definition("sk", ScalarAttributeType.N))
                        .keySchema(DurabilityTest.key("pk", KeyType.HASH), DurabilityTest.key("sk", KeyType.RANGE))
                        .billingMode("PAY_PER_REQUEST"));
            }
            assertThatThrownBy(() -> DynamoEngine.start(EngineOptions.defaults().withDataDirectory(data)))
                    .isInstanceOf(DataDirectoryException.class)
                    .hasMessageContaining("is already in use by another DynamoKit Engine (process " + child.pid()
                            + ")");

            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.execute(() -> write(endpoint, writer));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.get() < ACKNOWLEDGED_BEFORE_KILL && unexpected.isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            child.kill();
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(unexpected).as("errors other than the lost connection; engine errors: %s", child.errors())
                    .isEmpty();
            assertThat(acknowledged.get()).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        }

        try (DynamoEngine engine = DynamoEngine.start(EngineOptions.defaults().withDataDirectory(data));
                DynamoDbClient dynamo = Clients.to(engine.endpoint())) {
            Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
            for (Map<String, AttributeValue> item : DurabilityTest.scan(dynamo, "ledger")) {
                stored.put(key(item.get("pk").s(), Integer.parseInt(item.get("sk").n())), item);
            }
            acknowledgedPuts.forEach((key, value) -> {
                if (!attemptedDeletes.contains(key)) {
                    assertThat(stored.get(key)).as("acknowledged put %s", key).isNotNull();
                    assertThat(stored.get(key).get("v").s()).isEqualTo(value);
                }
            });
            assertThat(stored.keySet()).doesNotContainAnyElementsOf(acknowledgedDeletes);

            Map<String, List<String>> transactions = new HashMap<>();
            for (Map.Entry<String, Map<String, AttributeValue>> entry : stored.entrySet()) {
                AttributeValue transaction = entry.getValue().get("tx");
                if (transaction == null) {
                    assertThat(attemptedPuts).as("a stored item that was never written").contains(entry.getKey());
                } else {
                    transactions.computeIfAbsent(transaction.s(), t -> new ArrayList<>()).add(entry.getKey());
                }
            }
            assertThat(transactions.keySet()).containsAll(acknowledgedTransactions);
            assertThat(attemptedTransactions).containsAll(transactions.keySet());
            transactions.forEach((transaction, keys) ->
                    assertThat(keys).as("items of transaction %s", transaction).hasSize(3));
        }
    }

    /** Puts, deletes of earlier puts and three-item transactions, until the connection is lost. */
    private void write(URI endpoint, int writer) {
        try (DynamoDbClient dynamo = Clients.to(endpoint)) {
            for (int i = 0; ; i++) {
                String pk = "w" + writer;
                int kind = i % 4;
                if (kind == 0 || kind == 1) {
                    String key = key(pk, i);
                    String value = "value " + writer + "-" + i + " " + "x".repeat(i % 300);
                    attemptedPuts.add(key);
                    dynamo.putItem(r -> r.tableName("ledger").item(Map.of("pk", s(pk), "sk", n(key), "v",
                            s(value))));
                    acknowledgedPuts.put(key, value);
                } else if (kind == 2) {
                    String transaction = writer + "-" + i;
                    List<TransactWriteItem> puts = new ArrayList<>();
                    for (int k = 0; k < 3; k++) {
                        String txPk = "t" + writer;
                        int sk = i * 10 + k;
                        puts.add(TransactWriteItem.builder().put(p -> p.tableName("ledger").item(Map.of("pk",
                                s(txPk), "sk", n(key(txPk, sk)), "tx", s(transaction)))).build());
                    }
                    attemptedTransactions.add(transaction);
                    dynamo.transactWriteItems(r -> r.transactItems(puts));
                    acknowledgedTransactions.add(transaction);
                } else {
                    String key = key(pk, i - 3);
                    attemptedDeletes.add(key);
                    dynamo.deleteItem(r -> r.tableName("ledger").key(Map.of("pk", s(pk), "sk", n(key))));
                    acknowledgedDeletes.add(key);
                }
                acknowledged.incrementAndGet();
            }
        } catch (SdkClientException e) {
            // the engine was killed: this write and the later ones were never acknowledged
        } catch (RuntimeException e) {
            unexpected.add(e);
        }
    }

    private static String key(String pk, int sk) {
        return pk + "/" + sk;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** The sort key of a "pk/sk" key. */
    private static AttributeValue n(String key) {
        return AttributeValue.fromN(key.substring(key.indexOf('/') + 1));
    }
}
