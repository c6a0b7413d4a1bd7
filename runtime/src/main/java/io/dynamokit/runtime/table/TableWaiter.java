package io.dynamokit.runtime.table;

import java.time.Duration;

import io.dynamokit.runtime.config.TableReadiness;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Waits for a table with the AWS SDK's waiters, polling {@code DescribeTable} every 250 ms: until it is ready as
 * {@link TableReadiness} decides it (its global secondary indexes included), or until it no longer exists.
 */
final class TableWaiter {

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
        return TableReadiness.awaitActive(client, tableName, timeout);
    }

    /** Waits until the table no longer exists, with the SDK's {@code DynamoDbWaiter}. */
    void awaitDeleted(String tableName, Duration timeout) {
        client.waiter().waitUntilTableNotExists(DescribeTableRequest.builder().tableName(tableName).build(),
                TableReadiness.polling(timeout));
    }
}
