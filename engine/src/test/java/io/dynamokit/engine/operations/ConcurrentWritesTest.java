package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamokit.engine.support.EngineTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Many clients at once over the real protocol: conditional writes are linearizable per item and transactions are
 * all-or-nothing and isolated, so no update is lost or applied twice.
 */
class ConcurrentWritesTest extends EngineTestBase {
    private static final int THREADS = 64;

    @BeforeAll
    void tables() {
        createHashTable("concurrent", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S);
    }

    private <T> List<T> runTogether(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(50, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Increments the counter while it is below the cap; answers how many of the attempts were applied. */
    private int incrementBelowCap(int attempts, int cap) {
        int applied = 0;
        for (int i = 0; i < attempts; i++) {
            try {
                dynamo.updateItem(r -> r.tableName("concurrent").key(Map.of("pk", s("counter")))
                        .updateExpression("SET n = n + :one").conditionExpression("n < :cap")
                        .expressionAttributeValues(Map.of(":one", n("1"), ":cap", n(String.valueOf(cap)))));
                applied++;
            } catch (ConditionalCheckFailedException atCap) {
                assertThat(atCap.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
            }
        }
        return applied;
    }

    @Test
    @Timeout(60)
    void conditionalIncrementsEndAtTheExactCount() throws Exception {
        dynamo.putItem(r -> r.tableName("concurrent").item(item("pk", s("counter"), "n", n("0"))));
        int attempts = 4;
        int cap = THREADS * attempts - 40;
        List<Integer> applied = runTogether(THREADS, () -> incrementBelowCap(attempts, cap));
        Map<String, AttributeValue> counter = dynamo.getItem(r -> r.tableName("concurrent")
                .key(Map.of("pk", s("counter")))).item();
        assertThat(counter.get("n").n()).isEqualTo(String.valueOf(cap));
        assertThat(applied.stream().mapToInt(Integer::intValue).sum()).isEqualTo(cap);
    }

    private static TransactWriteItem move(String account, String sign, int amount, boolean guarded) {
        Update.Builder update = Update.builder().tableName("concurrent").key(Map.of("pk", s(account)))
                .updateExpression("SET balance = balance " + sign + " :amount")
                .expressionAttributeValues(Map.of(":amount", n(String.valueOf(amount))));
        if (guarded) {
            update.conditionExpression("balance >= :amount");
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    @Test
    @Timeout(60)
    void concurrentTransfersNeverLoseOrDoubleAnUpdate() throws Exception {
        int accounts = 5;
        int initial = 100;
        for (int i = 0; i < accounts; i++) {
            String account = "account-" + i;
            dynamo.putItem(r -> r.tableName("concurrent").item(item("pk", s(account), "balance",
                    n(String.valueOf(initial)))));
        }
        int transfersPerThread = 10;
        List<int[]> outcomes = runTogether(8, () -> {
            int applied = 0;
            int refused = 0;
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int t = 0; t < transfersPerThread; t++) {
                int from = random.nextInt(accounts);
                int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                int amount = 1 + random.nextInt(60);
                try {
                    dynamo.transactWriteItems(r -> r.transactItems(move("account-" + from, "-", amount, true),
                            move("account-" + to, "+", amount, false)));
                    applied++;
                } catch (TransactionCanceledException insufficient) {
                    assertThat(insufficient.cancellationReasons().get(0).code()).isEqualTo("ConditionalCheckFailed");
                    refused++;
                }
            }
            return new int[] {applied, refused};
        });
        long total = 0;
        for (int i = 0; i < accounts; i++) {
            String account = "account-" + i;
            long balance = Long.parseLong(dynamo.getItem(r -> r.tableName("concurrent")
                    .key(Map.of("pk", s(account)))).item().get("balance").n());
            assertThat(balance).isNotNegative();
            total += balance;
        }
        assertThat(total).isEqualTo((long) accounts * initial);
        assertThat(outcomes.stream().mapToInt(o -> o[0] + o[1]).sum()).isEqualTo(8 * transfersPerThread);
        assertThat(outcomes.stream().mapToInt(o -> o[0]).sum()).isPositive();
    }
}
