package io.dynamokit.runtime.table;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.dynamokit.runtime.config.TableReadiness;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.Waiter;
import software.amazon.awssdk.core.waiters.WaiterAcceptor;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Waits for a table with the AWS SDK's waiters, polling {@code DescribeTable} every 250 ms. The SDK's own
 * {@code DynamoDbWaiter.waitUntilTableExists} is satisfied by an ACTIVE table whose global secondary indexes may
 * still be CREATING or UPDATING; waiting for those too needs a waiter with acceptors of its own.
 */
final class TableWaiter {

    static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private static final Predicate<DescribeTableResponse> ACTIVE = new Predicate<>() {
        @Override
        public boolean test(DescribeTableResponse response) {
            return TableReadiness.isActiveWithIndexes(response.table());
        }
    };

    private static final Predicate<Throwable> MISSING = new Predicate<>() {
        @Override
        public boolean test(Throwable failure) {
            return failure instanceof ResourceNotFoundException;
        }
    };

    private final DynamoDbClient client;

    TableWaiter(DynamoDbClient client) {
        this.client = client;
    }

    /**
     * Waits until the table and all its global secondary indexes are ACTIVE; a missing table is waited for too.
     *
     * @return the table's description, ACTIVE
     * @throws SdkClientException when the timeout passes first, with the status last seen
     */
    TableDescription awaitActive(String tableName, Duration timeout) {
        Waiter<DescribeTableResponse> waiter = Waiter.builder(DescribeTableResponse.class)
                .addAcceptor(WaiterAcceptor.successOnResponseAcceptor(ACTIVE))
                .addAcceptor(WaiterAcceptor.retryOnResponseAcceptor(ACTIVE.negate()))
                .addAcceptor(WaiterAcceptor.retryOnExceptionAcceptor(MISSING))
                .overrideConfiguration(polling(timeout))
                .build();
        AtomicReference<String> lastSeen = new AtomicReference<>("missing");
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        DescribeTableRequest request = DescribeTableRequest.builder().tableName(tableName).build();
        try {
            return waiter.run(new Supplier<DescribeTableResponse>() {
                @Override
                public DescribeTableResponse get() {
                    try {
                        DescribeTableResponse described = client.describeTable(request);
                        lastSeen.set(TableReadiness.statusOf(described.table()));
                        return described;
                    } catch (ResourceNotFoundException e) {
                        lastSeen.set("missing");
                        throw e;
                    } catch (RuntimeException e) {
                        failure.set(e);
                        throw e;
                    }
                }
            }).matched().response().orElseThrow().table();
        } catch (SdkClientException e) {
            // A DescribeTable failure other than a missing table matches no acceptor and ends the wait at once: it is
            // thrown as itself rather than as the waiter's message about the table not being ACTIVE.
            if (failure.get() != null) {
                throw failure.get();
            }
            throw TableReadiness.notActive(tableName, timeout, lastSeen.get(), e);
        }
    }

    /** Waits until the table no longer exists, with the SDK's {@code DynamoDbWaiter}. */
    void awaitDeleted(String tableName, Duration timeout) {
        client.waiter().waitUntilTableNotExists(DescribeTableRequest.builder().tableName(tableName).build(),
                polling(timeout));
    }

    private static WaiterOverrideConfiguration polling(Duration timeout) {
        return WaiterOverrideConfiguration.builder().waitTimeout(timeout).maxAttempts(Integer.MAX_VALUE)
                .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(POLL_INTERVAL)).build();
    }
}
