package io.dynamokit.table;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The tables declared under {@code quarkus.dynamokit.tables}: their status, how they differ from their declaration,
 * and the operations that bring them to it. Tables are named as declared (the key under
 * {@code quarkus.dynamokit.tables}); DynamoKit adds {@code quarkus.dynamokit.table-name-prefix} and
 * {@code table-name-suffix} to find them in DynamoDB. Works through the application's default
 * {@code DynamoDbClient}.
 * <p>
 * A name that is not declared fails with an {@link IllegalArgumentException}; DynamoDB's own failures are the SDK's
 * exceptions.
 */
public interface TableManager {

    /** The declared tables' names, as declared, sorted. */
    Set<String> tables();

    /** The table's name in DynamoDB: the declared name with the configured prefix and suffix. */
    String tableName(String table);

    /** Where the table stands, from one {@code DescribeTable} call. */
    TableStatus status(String table);

    /**
     * The status of every declared table, by declared name: one {@code DescribeTable} call per table, all at the same
     * time.
     */
    Map<String, TableStatus> status();

    /**
     * How the table in DynamoDB differs from its declaration: keys, billing mode and throughput, indexes, stream, time
     * to live, tags, deletion protection and table class. A missing table is one difference.
     */
    TableDiff diff(String table);

    /**
     * Brings the table to its declaration: creates it when missing, otherwise changes what differs, one change at a
     * time, waiting after each until the table and its indexes are ACTIVE. Never deletes the table.
     *
     * @throws TableManagementException when the table would have to be recreated (other keys or local secondary
     *         indexes); nothing is changed then
     */
    void apply(String table);

    /**
     * Deletes the table and waits until it is gone. Does nothing when it is missing.
     *
     * @throws TableManagementException when the table has deletion protection enabled
     */
    void delete(String table);

    /**
     * Waits until the table and all its global secondary indexes are ACTIVE.
     *
     * @throws software.amazon.awssdk.core.exception.SdkClientException when they are not within the timeout, with the
     *         last status seen
     */
    void awaitRunning(String table, Duration timeout);
}
