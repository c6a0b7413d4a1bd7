package io.dynamokit.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One of {@link EngineLoadTest}'s callers: until the deadline or the operation budget, a random mix of puts (35 %),
 * conditional updates (25 %), transactions (15 %) and queries (25 %), each outcome recorded in the
 * {@link LoadTestModel} once acknowledged. A query that contradicts the acknowledged operations, and any error but a
 * conditional check failure on an update or a cancellation of a transaction, is reported to {@link #problems}.
 */
final class LoadTestCaller implements Runnable {

    /** Counts of outcomes, shared by all callers. */
    static final class Tally {
        final LongAdder puts = new LongAdder();
        final LongAdder updates = new LongAdder();
        final LongAdder conditionFailures = new LongAdder();
        final LongAdder transactions = new LongAdder();
        final LongAdder cancelledOnCondition = new LongAdder();
        final LongAdder cancelledOnConflict = new LongAdder();
        final LongAdder queries = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder violations = new LongAdder();
    }

    static final String TABLE = "load";
    private static final String PAYLOAD = "x".repeat(150);

    private final int caller;
    private final DynamoDbClient client;
    private final LoadTestModel model;
    private final Tally tally;
    private final Queue<String> problems;
    private final AtomicLong budget;
    private final long deadline;
    private final AttributeValue me;
    private long operations;
    private int transactionsSent;

    LoadTestCaller(int caller, DynamoDbClient client, LoadTestModel model, Tally tally, Queue<String> problems,
            AtomicLong budget, long deadline) {
        this.caller = caller;
        this.client = client;
        this.model = model;
        this.tally = tally;
        this.problems = problems;
        this.budget = budget;
        this.deadline = deadline;
        this.me = AttributeValue.fromS("caller-" + caller);
    }

    @Override
    public void run() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
            int dice = random.nextInt(100);
            String operation = dice < 35 ? "put" : dice < 60 ? "update" : dice < 75 ? "transaction" : "query";
            try {
                switch (operation) {
                    case "put" -> put(random);
                    case "update" -> update(random);
                    case "transaction" -> transaction(random);
                    default -> query(random);
                }
            } catch (RuntimeException e) {
                tally.errors.increment();
                note(operation + " by caller " + caller + ": " + e);
            }
        }
    }

    private void put(ThreadLocalRandom random) {
        int sortKey = random.nextInt(LoadTestModel.OWN_KEYS);
        long seq = ++operations;
        client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS(LoadTestModel.own(caller)),
                "sk", number(sortKey), "seq", number(seq), "payload", AttributeValue.fromS(PAYLOAD))));
        model.lastPut[caller][sortKey] = seq;
        tally.puts.increment();
    }

    /** Optimistic versioning: read a counter's version, write the next one on condition that it is unchanged. */
    private void update(ThreadLocalRandom random) {
        int counter = random.nextInt(LoadTestModel.COUNTERS);
        Map<String, AttributeValue> key = LoadTestModel.key("ctr", counter);
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(TABLE).key(key).consistentRead(true))
                .item();
        long version = Long.parseLong(item.get("ver").n());
        try {
            client.updateItem(b -> b.tableName(TABLE).key(key)
                    .updateExpression("SET ver = :next, updatedBy = :me")
                    .conditionExpression("ver = :read")
                    .expressionAttributeValues(Map.of(":next", number(version + 1), ":read", number(version),
                            ":me", me)));
            model.counterVersions.incrementAndGet(counter);
            tally.updates.increment();
        } catch (ConditionalCheckFailedException e) {
            tally.conditionFailures.increment();
        }
    }

    /** Moves an amount between two accounts if the first holds it, and logs the transfer in the caller's log. */
    private void transaction(ThreadLocalRandom random) {
        int from = random.nextInt(LoadTestModel.ACCOUNTS);
        int to = (from + 1 + random.nextInt(LoadTestModel.ACCOUNTS - 1)) % LoadTestModel.ACCOUNTS;
        long amount = 1 + random.nextInt(50);
        int number = ++transactionsSent;
        AttributeValue x = number(amount);
        try {
            client.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().update(Update.builder().tableName(TABLE)
                            .key(LoadTestModel.key("acct", from))
                            .updateExpression("SET bal = bal - :x").conditionExpression("bal >= :x")
                            .expressionAttributeValues(Map.of(":x", x)).build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(TABLE)
                            .key(LoadTestModel.key("acct", to))
                            .updateExpression("SET bal = bal + :x")
                            .expressionAttributeValues(Map.of(":x", x)).build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(TABLE)
                            .item(Map.of("pk", AttributeValue.fromS(LoadTestModel.log(caller)), "sk", number(number),
                                    "tx", number(number), "amount", x))
                            .conditionExpression("attribute_not_exists(pk)").build()).build()));
            model.balanceDelta.addAndGet(from, -amount);
            model.balanceDelta.addAndGet(to, amount);
            model.transactions[caller].set(number);
            tally.transactions.increment();
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
            (conflict ? tally.cancelledOnConflict : tally.cancelledOnCondition).increment();
        }
    }

    private void query(ThreadLocalRandom random) {
        if (random.nextBoolean()) {
            queryOwn(random.nextInt(LoadTestModel.OWN_KEYS));
        } else {
            queryAccounts();
        }
        tally.queries.increment();
    }

    /** The caller's own items from a sort key on must be exactly its last acknowledged puts. */
    private void queryOwn(int from) {
        QueryResponse page = client.query(b -> b.tableName(TABLE).consistentRead(true).limit(50)
                .keyConditionExpression("pk = :p AND sk >= :from")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(LoadTestModel.own(caller)),
                        ":from", number(from))));
        long[] lastPut = model.lastPut[caller];
        int end = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? Integer.parseInt(page.lastEvaluatedKey().get("sk").n()) : LoadTestModel.OWN_KEYS - 1;
        int expected = 0;
        for (int sortKey = from; sortKey <= end; sortKey++) {
            expected += lastPut[sortKey] >= 0 ? 1 : 0;
        }
        if (expected != page.count()) {
            violation("query of caller " + caller + " from " + from + ": " + page.count() + " items, "
                    + expected + " acknowledged");
        }
        for (Map<String, AttributeValue> item : page.items()) {
            int sortKey = Integer.parseInt(item.get("sk").n());
            long seq = Long.parseLong(item.get("seq").n());
            if (lastPut[sortKey] != seq) {
                violation("query of caller " + caller + ": item " + sortKey + " holds put " + seq
                        + ", the last acknowledged is " + lastPut[sortKey]);
            }
        }
    }

    /** Transactions move money, never make or lose it: a read that saw half of one would show another total. */
    private void queryAccounts() {
        QueryResponse page = client.query(b -> b.tableName(TABLE).consistentRead(true)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("acct"))));
        long total = 0;
        for (Map<String, AttributeValue> item : page.items()) {
            long balance = Long.parseLong(item.get("bal").n());
            if (balance < 0) {
                violation("account " + item.get("sk").n() + " below zero: " + balance);
            }
            total += balance;
        }
        long expected = LoadTestModel.ACCOUNTS * LoadTestModel.START_BALANCE;
        if (page.count() != LoadTestModel.ACCOUNTS || total != expected) {
            violation("accounts query: " + page.count() + " accounts holding " + total + ", expected "
                    + LoadTestModel.ACCOUNTS + " holding " + expected);
        }
    }

    private void violation(String problem) {
        tally.violations.increment();
        note(problem);
    }

    /** Keeps the first problems only: one broken invariant can repeat thousands of times. */
    private void note(String problem) {
        if (problems.size() < 50) {
            problems.add(problem);
        }
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
