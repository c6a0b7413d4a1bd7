package io.dynamokit.runtime.config;

import java.time.Duration;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.Waiter;
import software.amazon.awssdk.core.waiters.WaiterAcceptor;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * When a table is ready for use, as both the document clients' {@code awaitActive} and the tables room's waits and
 * readiness check decide it, the wait for it (the AWS SDK's waiter with acceptors of its own: the SDK's
 * {@code waitUntilTableExists} is satisfied by an ACTIVE table whose global secondary indexes may still be CREATING),
 * and how a wait that did not see it reports the table. It lives with the settings every room reads so that those
 * rooms share it without depending on each other.
 */
public final class TableReadiness {

    /** How often a wait describes the table. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private TableReadiness() {
    }

    /** ACTIVE, and so is every global secondary index (local ones share the table's status). */
    public static boolean isActiveWithIndexes(TableDescription table) {
        if (table.tableStatus() != TableStatus.ACTIVE) {
            return false;
        }
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            if (index.indexStatus() != IndexStatus.ACTIVE) {
                return false;
            }
        }
        return true;
    }

    /** The table's status and each global secondary index's, as a failed wait reports them. */
    public static String statusOf(TableDescription table) {
        StringBuilder status = new StringBuilder(String.valueOf(table.tableStatus()));
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            status.append(", index ").append(index.indexName()).append(' ').append(index.indexStatus());
        }
        return status.toString();
    }

    /**
     * The failure of a wait whose timeout passed before the table was ready; {@code lastSeen} is what
     * {@link #statusOf} said last, or "missing".
     */
    public static SdkClientException notActive(String tableName, Duration timeout, String lastSeen, Throwable cause) {
        return SdkClientException.builder().message("Table " + tableName
                + " was not ACTIVE with all its global secondary indexes within " + timeout + " (last seen: "
                + lastSeen + ")").cause(cause).build();
    }

    /** A wait's polling: every {@link #POLL_INTERVAL} until {@code timeout}, however many attempts that takes. */
    public static WaiterOverrideConfiguration polling(Duration timeout) {
        return WaiterOverrideConfiguration.builder().waitTimeout(timeout).maxAttempts(Integer.MAX_VALUE)
                .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(POLL_INTERVAL)).build();
    }

    /**
     * A wait's acceptors, for a synchronous or an asynchronous waiter: ready ({@link #isActiveWithIndexes}) ends it,
     * any other status and a missing table are waited out; any other failure of DescribeTable matches none, which
     * ends the wait at once.
     */
    public static List<WaiterAcceptor<? super DescribeTableResponse>> acceptors() {
        return List.of(WaiterAcceptor.successOnResponseAcceptor(r -> isActiveWithIndexes(r.table())),
                WaiterAcceptor.retryOnResponseAcceptor(r -> !isActiveWithIndexes(r.table())),
                WaiterAcceptor.retryOnExceptionAcceptor(e -> e instanceof ResourceNotFoundException));
    }

    /**
     * Waits until the table and all its global secondary indexes are ACTIVE; a missing table is waited for too.
     *
     * @return the table's description, ready
     * @throws SdkClientException when the timeout passes first, with the status last seen ({@link #notActive}); a
     *         DescribeTable failure other than a missing table, as itself
     */
    public static TableDescription awaitActive(DynamoDbClient client, String tableName, Duration timeout) {
        Waiter<DescribeTableResponse> waiter = Waiter.builder(DescribeTableResponse.class).acceptors(acceptors())
                .overrideConfiguration(polling(timeout)).build();
        Watch watch = new Watch(tableName, timeout);
        DescribeTableRequest request = DescribeTableRequest.builder().tableName(tableName).build();
        try {
            return waiter.run(() -> {
                try {
                    return watch.saw(client.describeTable(request));
                } catch (RuntimeException e) {
                    watch.failed(e);
                    throw e;
                }
            }).matched().response().orElseThrow().table();
        } catch (SdkClientException e) {
            throw watch.failure(e);
        }
    }

    /**
     * What one wait has seen, for its failure: the status last described ("missing" while there is no table), and a
     * DescribeTable failure other than a missing table, which ends the wait and is reported as itself (the waiter
     * would otherwise wrap it in a message about the table not being ACTIVE).
     */
    public static final class Watch {
        private final String tableName;
        private final Duration timeout;
        private volatile String lastSeen = "missing";
        private volatile RuntimeException describeFailure;

        public Watch(String tableName, Duration timeout) {
            this.tableName = tableName;
            this.timeout = timeout;
        }

        /** Notes a DescribeTable answer; returns it. */
        public DescribeTableResponse saw(DescribeTableResponse response) {
            lastSeen = statusOf(response.table());
            return response;
        }

        /** Notes a DescribeTable failure (unwrapped from any completion exception). */
        public void failed(Throwable failure) {
            if (failure instanceof ResourceNotFoundException) {
                lastSeen = "missing";
            } else if (failure instanceof RuntimeException runtime) {
                describeFailure = runtime;
            }
        }

        /** What the wait throws when its waiter failed with {@code waiterFailure}. */
        public RuntimeException failure(Throwable waiterFailure) {
            RuntimeException describe = describeFailure;
            return describe != null ? describe : notActive(tableName, timeout, lastSeen, waiterFailure);
        }
    }
}
