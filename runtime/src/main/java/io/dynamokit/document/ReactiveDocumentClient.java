package io.dynamokit.document;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * The {@link DocumentClient} API with Mutiny types, over the application's {@code DynamoDbAsyncClient}. Nothing is
 * sent until the {@code Uni} or {@code Multi} is subscribed to; a value that cannot be marshalled fails it with an
 * {@link IllegalArgumentException} naming the attribute path, and nothing is sent.
 */
public interface ReactiveDocumentClient {

    Uni<Optional<Map<String, Object>>> getItem(String tableName, Map<String, ?> key);

    Uni<Optional<Map<String, Object>>> getItem(String tableName, Map<String, ?> key, GetOptions options);

    /** The item with this key; fails with {@link ItemNotFoundException} when there is none. */
    Uni<Map<String, Object>> getItemOrThrow(String tableName, Map<String, ?> key);

    Uni<Map<String, Object>> getItemOrThrow(String tableName, Map<String, ?> key, GetOptions options);

    Uni<Optional<Map<String, Object>>> putItem(String tableName, Map<String, ?> item);

    Uni<Optional<Map<String, Object>>> putItem(String tableName, Map<String, ?> item, WriteOptions options);

    Uni<Optional<Map<String, Object>>> updateItem(String tableName, Map<String, ?> key, String updateExpression,
            WriteOptions options);

    Uni<Optional<Map<String, Object>>> deleteItem(String tableName, Map<String, ?> key);

    Uni<Optional<Map<String, Object>>> deleteItem(String tableName, Map<String, ?> key, WriteOptions options);

    Uni<Page> queryPage(Query query);

    /** Every item of the query; pages are fetched as the subscriber asks for more items. */
    Multi<Map<String, Object>> query(Query query);

    Uni<Long> count(Query query);

    Uni<Page> scanPage(Scan scan);

    /** Every item of the scan or of its segment; pages are fetched as the subscriber asks for more items. */
    Multi<Map<String, Object>> scan(Scan scan);

    /** As {@link DocumentClient#batchGetItem}; fails with {@link BatchGetException}. */
    Uni<Map<String, List<Map<String, Object>>>> batchGetItem(BatchGet batch);

    /** As {@link DocumentClient#batchWriteItem}; fails with {@link BatchWriteException}. */
    Uni<Void> batchWriteItem(BatchWrite batch);

    Uni<List<Optional<Map<String, Object>>>> transactGetItems(List<TransactGet> reads);

    Uni<Void> transactWriteItems(List<TransactWrite> actions);

    /** @deprecated as {@link DocumentClient#createTable}: {@code sdkClient().createTable(request)} */
    @Deprecated(since = "1.0", forRemoval = true)
    Uni<TableDescription> createTable(CreateTableRequest request);

    /** @deprecated as {@link DocumentClient#describeTable}: {@code sdkClient().describeTable(...)} */
    @Deprecated(since = "1.0", forRemoval = true)
    Uni<TableDescription> describeTable(String tableName);

    /** @deprecated as {@link DocumentClient#updateTable}: {@code sdkClient().updateTable(request)} */
    @Deprecated(since = "1.0", forRemoval = true)
    Uni<TableDescription> updateTable(UpdateTableRequest request);

    /** @deprecated as {@link DocumentClient#deleteTable}: {@code sdkClient().deleteTable(...)} */
    @Deprecated(since = "1.0", forRemoval = true)
    Uni<TableDescription> deleteTable(String tableName);

    /** @deprecated as {@link DocumentClient#listTables}: {@code sdkClient().listTablesPaginator()} */
    @Deprecated(since = "1.0", forRemoval = true)
    Uni<List<String>> listTables();

    /**
     * Completes when the table and every one of its global secondary indexes are ACTIVE; fails as
     * {@link DocumentClient#awaitActive} does.
     */
    Uni<TableDescription> awaitActive(String tableName, Duration timeout);

    Uni<Void> awaitDeleted(String tableName, Duration timeout);

    /** The SDK client this document client uses, for any request it does not cover. */
    DynamoDbAsyncClient sdkClient();
}
