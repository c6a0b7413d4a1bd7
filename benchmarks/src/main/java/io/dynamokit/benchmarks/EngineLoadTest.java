package io.dynamokit.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.dynamokit.engine.DynamoEngine;
import io.dynamokit.engine.EngineOptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A load test of DynamoKit Engine in this JVM, on 127.0.0.1 only: 64 callers ({@code -Dload.callers}) for 60 s
 * ({@code -Dload.seconds}), at most 5,000,000 operations in all ({@code -Dload.maxOperations}), mixing puts,
 * conditional updates, transactions and queries ({@link LoadTestCaller}) through one SDK client that never retries.
 * It passes when
 * <ul>
 * <li>no request failed but with a conditional check failure (updates) or a transaction cancellation;</li>
 * <li>no query contradicted the acknowledged operations (a caller's own items, the accounts' constant total);</li>
 * <li>the table, scanned at the end, holds exactly what the acknowledged operations imply, item by item
 * ({@link LoadTestModel});</li>
 * <li>the heap, after a full collection once the items written by the load are deleted, is within
 * {@code -Dload.memorySlackMb} (32) of its level before the load.</li>
 * </ul>
 * Run by {@code benchmarks/run.sh load-test}; exits with status 1 when a check fails.
 */
public final class EngineLoadTest {

    private EngineLoadTest() {
    }

    public static void main(String[] args) throws InterruptedException {
        int seconds = Integer.getInteger("load.seconds", 60);
        int callers = Integer.getInteger("load.callers", 64);
        long maxOperations = Long.getLong("load.maxOperations", 5_000_000L);
        long slackMb = Long.getLong("load.memorySlackMb", 32);
        List<String> failures = new ArrayList<>();
        try (DynamoEngine engine = DynamoEngine.start(EngineOptions.defaults());
                DynamoDbClient client = SdkClients.withoutRetries(engine.endpoint(), callers + 8)) {
            createTable(client);
            LoadTestModel model = new LoadTestModel(callers);
            LoadTestCaller.Tally tally = new LoadTestCaller.Tally();
            Queue<String> problems = new ConcurrentLinkedQueue<>();
            HeapWatch watch = HeapWatch.start();
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
            AtomicLong budget = new AtomicLong(maxOperations);
            List<Thread> threads = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                Thread thread = new Thread(new LoadTestCaller(caller, client, model, tally, problems, budget,
                        deadline), "load-caller-" + caller);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                // a caller's last request is bounded by the SDK's timeouts
                thread.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            report(tally, callers, elapsed);
            problems.forEach(problem -> System.out.println("  problem: " + problem));
            if (tally.errors.sum() > 0) {
                failures.add(tally.errors.sum() + " requests failed with an unexpected error");
            }
            if (tally.violations.sum() > 0) {
                failures.add(tally.violations.sum() + " queries contradicted the acknowledged operations");
            }

            List<Map<String, AttributeValue>> items = scan(client);
            List<String> differences = model.differences(items);
            System.out.printf("[load-test] final state: %,d items scanned, %d differences from what the acknowledged "
                    + "operations imply%n", items.size(), differences.size());
            differences.stream().limit(20).forEach(difference -> System.out.println("  difference: " + difference));
            if (!differences.isEmpty()) {
                failures.add(differences.size() + " items differ from what the acknowledged operations imply");
            }

            int deleted = deleteWritten(client, items);
            items = null;
            HeapWatch.Growth growth = watch.stop();
            System.out.printf("[load-test] heap: %s; after deleting the %,d items the load wrote: %.1f MB above the "
                    + "level before the load (allowed: %d MB)%n", growth, deleted, HeapWatch.Growth.mb(growth.end()),
                    slackMb);
            if (growth.end() > slackMb * 1024 * 1024) {
                failures.add(String.format("heap %.1f MB above its level before the load once the items are deleted",
                        HeapWatch.Growth.mb(growth.end())));
            }
        }
        if (failures.isEmpty()) {
            System.out.println("[load-test] passed");
        } else {
            failures.forEach(failure -> System.out.println("[load-test] FAILED: " + failure));
            System.exit(1);
        }
    }

    private static void report(LoadTestCaller.Tally tally, int callers, double elapsed) {
        long operations = tally.puts.sum() + tally.updates.sum() + tally.conditionFailures.sum()
                + tally.transactions.sum() + tally.cancelledOnCondition.sum() + tally.cancelledOnConflict.sum()
                + tally.queries.sum() + tally.errors.sum();
        System.out.printf("[load-test] %d callers, %.1f s: %,d operations (%,.0f per second): %,d puts; %,d "
                + "conditional updates applied, %,d refused on their condition; %,d transactions applied, %,d "
                + "cancelled on a condition, %,d on a conflict; %,d queries; %,d unexpected errors; %,d queries "
                + "contradicting the acknowledged operations%n", callers, elapsed, operations, operations / elapsed,
                tally.puts.sum(), tally.updates.sum(), tally.conditionFailures.sum(), tally.transactions.sum(),
                tally.cancelledOnCondition.sum(), tally.cancelledOnConflict.sum(), tally.queries.sum(),
                tally.errors.sum(), tally.violations.sum());
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(b -> b.tableName(LoadTestCaller.TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N)
                                .build()));
        for (int account = 0; account < LoadTestModel.ACCOUNTS; account++) {
            Map<String, AttributeValue> item = new HashMap<>(LoadTestModel.key("acct", account));
            item.put("bal", AttributeValue.fromN(Long.toString(LoadTestModel.START_BALANCE)));
            client.putItem(b -> b.tableName(LoadTestCaller.TABLE).item(item));
        }
        for (int counter = 0; counter < LoadTestModel.COUNTERS; counter++) {
            Map<String, AttributeValue> item = new HashMap<>(LoadTestModel.key("ctr", counter));
            item.put("ver", AttributeValue.fromN("0"));
            client.putItem(b -> b.tableName(LoadTestCaller.TABLE).item(item));
        }
    }

    private static List<Map<String, AttributeValue>> scan(DynamoDbClient client) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (ScanResponse page : client.scanPaginator(b -> b.tableName(LoadTestCaller.TABLE).consistentRead(true))) {
            items.addAll(page.items());
        }
        return items;
    }

    /** Deletes what the load wrote (the callers' partitions), leaving the accounts and counters it started with. */
    private static int deleteWritten(DynamoDbClient client, List<Map<String, AttributeValue>> items) {
        List<WriteRequest> deletes = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            char kind = item.get("pk").s().charAt(0);
            if (kind == 't' || kind == 'x') {
                deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                        .key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))).build()).build());
            }
        }
        for (int from = 0; from < deletes.size(); from += BatchLoader.WRITES_PER_REQUEST) {
            List<WriteRequest> batch = deletes.subList(from, Math.min(deletes.size(),
                    from + BatchLoader.WRITES_PER_REQUEST));
            client.batchWriteItem(b -> b.requestItems(Map.of(LoadTestCaller.TABLE, batch)));
        }
        return deletes.size();
    }
}
