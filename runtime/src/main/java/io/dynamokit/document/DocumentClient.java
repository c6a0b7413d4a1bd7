package io.dynamokit.document;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * The whole DynamoDB item and table API with plain Java values in and out: items are {@code Map<String, Object>},
 * marshalled as {@link AttributeValues} describes. Built on the application's {@code DynamoDbClient}, so its
 * endpoint, credentials, retries, extra headers and in-flight bound apply.
 * <p>
 * Marshalling happens before anything is sent: a value DynamoDB cannot store fails with an
 * {@link IllegalArgumentException} naming its attribute path, and no request is made. DynamoDB's own failures are
 * the SDK's exceptions ({@code ConditionalCheckFailedException}, {@code ResourceNotFoundException}, ...).
 */
public interface DocumentClient {

    // ---- items

    /**
     * The item with this key, or empty when there is none. An item that has none of the attributes a projection names
     * is present, as an empty map.
     */
    Optional<Map<String, Object>> getItem(String tableName, Map<String, ?> key);

    Optional<Map<String, Object>> getItem(String tableName, Map<String, ?> key, GetOptions options);

    /** The item with this key; {@link ItemNotFoundException} when there is none. */
    Map<String, Object> getItemOrThrow(String tableName, Map<String, ?> key);

    Map<String, Object> getItemOrThrow(String tableName, Map<String, ?> key, GetOptions options);

    /**
     * Writes the whole item. Returns the attributes asked for with {@link WriteOptions#returnValues} (the old item for
     * {@code ALL_OLD}), or empty.
     */
    Optional<Map<String, Object>> putItem(String tableName, Map<String, ?> item);

    Optional<Map<String, Object>> putItem(String tableName, Map<String, ?> item, WriteOptions options);

    /** Applies an update expression, e.g. {@code "SET Replies = Replies + :one"}. */
    Optional<Map<String, Object>> updateItem(String tableName, Map<String, ?> key, String updateExpression,
            WriteOptions options);

    Optional<Map<String, Object>> deleteItem(String tableName, Map<String, ?> key);

    Optional<Map<String, Object>> deleteItem(String tableName, Map<String, ?> key, WriteOptions options);

    // ---- reading many

    /** One page of the query; its {@link Page#lastEvaluatedKey()} starts the next. */
    Page queryPage(Query query);

    /**
     * Every item of the query, as a lazy stream: the next page is fetched only when the stream reaches it, and only
     * the current page is held. Close the stream (or consume it) when done.
     */
    Stream<Map<String, Object>> query(Query query);

    /** How many items the query matches, counted page by page with {@code Select.COUNT}. */
    long count(Query query);

    Page scanPage(Scan scan);

    /**
     * Every item of the scan, or of its segment ({@link Scan#segment}), as a lazy stream. For a parallel scan, run one
     * segment per thread.
     */
    Stream<Map<String, Object>> scan(Scan scan);

    // ---- batches and transactions

    /**
     * Reads all the keys, in requests of 100, retrying unprocessed keys with backoff. Returns the items found, table by
     * table (missing keys have no item). {@link BatchGetException} when keys are still unprocessed after every retry.
     */
    Map<String, List<Map<String, Object>>> batchGetItem(BatchGet batch);

    /**
     * Performs all the writes, in requests of 25 sent concurrently, retrying unprocessed writes with backoff.
     * {@link BatchWriteException} carries the writes still unprocessed after every retry.
     */
    void batchWriteItem(BatchWrite batch);

    /** Reads the items in one transaction; an absent item is an empty {@code Optional} at its position. */
    List<Optional<Map<String, Object>>> transactGetItems(List<TransactGet> reads);

    /** Performs all the actions, or none. */
    void transactWriteItems(List<TransactWrite> actions);

    // ---- tables
    // Declared tables are administered by io.dynamokit.table.TableManager; any other table by the SDK client
    // (sdkClient()). What stays here is what the SDK lacks: waiting for a table with all its indexes.

    /**
     * The SDK's {@code CreateTable}, unchanged.
     *
     * @deprecated a pass-through: declare the table under {@code quarkus.dynamokit.tables} (see
     *             {@link io.dynamokit.table.TableManager}) or call {@code sdkClient().createTable(request)}
     */
    @Deprecated(since = "1.0", forRemoval = true)
    TableDescription createTable(CreateTableRequest request);

    /**
     * The table's description; {@code ResourceNotFoundException} when it does not exist.
     *
     * @deprecated a pass-through: {@code sdkClient().describeTable(b -> b.tableName(tableName)).table()}, or
     *             {@link io.dynamokit.table.TableManager#status(String)} for a declared table
     */
    @Deprecated(since = "1.0", forRemoval = true)
    TableDescription describeTable(String tableName);

    /**
     * The SDK's {@code UpdateTable}, unchanged.
     *
     * @deprecated a pass-through: declare the change and let {@link io.dynamokit.table.TableManager#apply(String)}
     *             converge the table, or call {@code sdkClient().updateTable(request)}
     */
    @Deprecated(since = "1.0", forRemoval = true)
    TableDescription updateTable(UpdateTableRequest request);

    /**
     * Deletes the table; {@code ResourceNotFoundException} when it does not exist.
     *
     * @deprecated a pass-through: {@link io.dynamokit.table.TableManager#delete(String)} for a declared table, or
     *             {@code sdkClient().deleteTable(b -> b.tableName(tableName))}
     */
    @Deprecated(since = "1.0", forRemoval = true)
    TableDescription deleteTable(String tableName);

    /**
     * The names of all tables, every page.
     *
     * @deprecated a pass-through: {@code sdkClient().listTablesPaginator().tableNames()}
     */
    @Deprecated(since = "1.0", forRemoval = true)
    List<String> listTables();

    /**
     * Waits until the table and every one of its global secondary indexes are ACTIVE; a table not yet created is
     * waited for. An {@code SdkClientException} saying what was last seen when the timeout passes; any other failure
     * of {@code DescribeTable} (access denied, ...) is thrown as it is, at once.
     */
    TableDescription awaitActive(String tableName, Duration timeout);

    /** Waits until the table is gone. */
    void awaitDeleted(String tableName, Duration timeout);

    // ---- anything else

    /** The SDK client this document client uses, for any request it does not cover. */
    DynamoDbClient sdkClient();
}
