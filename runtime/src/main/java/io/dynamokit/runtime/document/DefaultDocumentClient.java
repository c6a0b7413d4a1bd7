package io.dynamokit.runtime.document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.dynamokit.document.AttributeValues;
import io.dynamokit.document.BatchGet;
import io.dynamokit.document.BatchWrite;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.GetOptions;
import io.dynamokit.document.ItemNotFoundException;
import io.dynamokit.document.Page;
import io.dynamokit.document.Query;
import io.dynamokit.document.Scan;
import io.dynamokit.document.TransactGet;
import io.dynamokit.document.TransactWrite;
import io.dynamokit.document.WriteOptions;
import io.dynamokit.runtime.config.TableReadiness;
import io.dynamokit.runtime.instrument.Scopes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * {@link DocumentClient} over a {@link DynamoDbClient}.
 */
public final class DefaultDocumentClient implements DocumentClient {

    private final DynamoDbClient client;
    private final Requests requests;
    private final BatchEngine batches;
    private final Executor executor;

    public DefaultDocumentClient(DynamoDbClient client, DocumentSettings settings, Executor executor) {
        this.client = client;
        this.requests = new Requests(settings.returnConsumedCapacity());
        this.batches = new BatchEngine(settings, executor);
        this.executor = executor;
    }

    // ---- items

    @Override
    public Optional<Map<String, Object>> getItem(String tableName, Map<String, ?> key) {
        return getItem(tableName, key, GetOptions.defaults());
    }

    @Override
    public Optional<Map<String, Object>> getItem(String tableName, Map<String, ?> key, GetOptions options) {
        return item(client.getItem(requests.getItem(tableName, key, options)));
    }

    @Override
    public Map<String, Object> getItemOrThrow(String tableName, Map<String, ?> key) {
        return getItemOrThrow(tableName, key, GetOptions.defaults());
    }

    @Override
    public Map<String, Object> getItemOrThrow(String tableName, Map<String, ?> key, GetOptions options) {
        return getItem(tableName, key, options)
                .orElseThrow(() -> new ItemNotFoundException(tableName, new LinkedHashMap<>(key)));
    }

    @Override
    public Optional<Map<String, Object>> putItem(String tableName, Map<String, ?> item) {
        return putItem(tableName, item, WriteOptions.defaults());
    }

    @Override
    public Optional<Map<String, Object>> putItem(String tableName, Map<String, ?> item, WriteOptions options) {
        return present(client.putItem(requests.putItem(tableName, item, options)).attributes());
    }

    @Override
    public Optional<Map<String, Object>> updateItem(String tableName, Map<String, ?> key, String updateExpression,
            WriteOptions options) {
        return present(client.updateItem(requests.updateItem(tableName, key, updateExpression, options)).attributes());
    }

    @Override
    public Optional<Map<String, Object>> deleteItem(String tableName, Map<String, ?> key) {
        return deleteItem(tableName, key, WriteOptions.defaults());
    }

    @Override
    public Optional<Map<String, Object>> deleteItem(String tableName, Map<String, ?> key, WriteOptions options) {
        return present(client.deleteItem(requests.deleteItem(tableName, key, options)).attributes());
    }

    // ---- reading many

    @Override
    public Page queryPage(Query query) {
        QueryResponse response = client.query(requests.query(query));
        return new Page(fromItems(response.items()), response.count(), response.scannedCount(),
                present(response.lastEvaluatedKey()));
    }

    @Override
    public Stream<Map<String, Object>> query(Query query) {
        return StreamSupport.stream(client.queryPaginator(requests.query(query)).items().spliterator(), false)
                .map(AttributeValues::fromItem);
    }

    @Override
    public long count(Query query) {
        long count = 0;
        for (QueryResponse page : client.queryPaginator(requests.query(query.select(Select.COUNT)))) {
            count += page.count();
        }
        return count;
    }

    @Override
    public Page scanPage(Scan scan) {
        ScanResponse response = client.scan(requests.scan(scan));
        return new Page(fromItems(response.items()), response.count(), response.scannedCount(),
                present(response.lastEvaluatedKey()));
    }

    @Override
    public Stream<Map<String, Object>> scan(Scan scan) {
        return StreamSupport.stream(client.scanPaginator(requests.scan(scan)).items().spliterator(), false)
                .map(AttributeValues::fromItem);
    }

    // ---- batches

    // The requests of a batch are sent from the executor's threads while the caller waits: they carry the caller's
    // instrumented method (or measured HTTP request), so that they are measured as the caller's own requests are.

    @Override
    public void batchWriteItem(BatchWrite writes) {
        Function<BatchWriteItemRequest, BatchWriteItemResponse> write = Scopes.carryingCurrent(client::batchWriteItem);
        join(batches.write(writes, request -> CompletableFuture.supplyAsync(() -> write.apply(request), executor)));
    }

    @Override
    public Map<String, List<Map<String, Object>>> batchGetItem(BatchGet keys) {
        Function<BatchGetItemRequest, BatchGetItemResponse> read = Scopes.carryingCurrent(client::batchGetItem);
        return join(batches.get(keys, request -> CompletableFuture.supplyAsync(() -> read.apply(request), executor)));
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = BatchEngine.unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    // ---- transactions

    @Override
    public List<Optional<Map<String, Object>>> transactGetItems(List<TransactGet> reads) {
        return presentEach(client.transactGetItems(requests.transactGet(reads)).responses());
    }

    @Override
    public void transactWriteItems(List<TransactWrite> actions) {
        client.transactWriteItems(requests.transactWrite(actions));
    }

    // ---- tables

    @Override
    public TableDescription createTable(CreateTableRequest request) {
        return client.createTable(request).tableDescription();
    }

    @Override
    public TableDescription describeTable(String tableName) {
        return client.describeTable(b -> b.tableName(tableName)).table();
    }

    @Override
    public TableDescription updateTable(UpdateTableRequest request) {
        return client.updateTable(request).tableDescription();
    }

    @Override
    public TableDescription deleteTable(String tableName) {
        return client.deleteTable(b -> b.tableName(tableName)).tableDescription();
    }

    @Override
    public List<String> listTables() {
        List<String> names = new ArrayList<>();
        client.listTablesPaginator().tableNames().forEach(names::add);
        return names;
    }

    @Override
    public TableDescription awaitActive(String tableName, Duration timeout) {
        return TableReadiness.awaitActive(client, tableName, timeout);
    }

    @Override
    public void awaitDeleted(String tableName, Duration timeout) {
        client.waiter().waitUntilTableNotExists(DescribeTableRequest.builder().tableName(tableName).build(),
                TableReadiness.polling(timeout));
    }

    @Override
    public DynamoDbClient sdkClient() {
        return client;
    }

    // ---- helpers

    /**
     * The items of a transaction's reads, by {@link ItemResponse#hasItem()}: an item whose projection matched none of
     * its attributes comes back as an empty {@code Item}, which is not the same as no item.
     */
    static List<Optional<Map<String, Object>>> presentEach(List<ItemResponse> responses) {
        List<Optional<Map<String, Object>>> result = new ArrayList<>(responses.size());
        for (ItemResponse response : responses) {
            result.add(response.hasItem() ? Optional.of(AttributeValues.fromItem(response.item())) : Optional.empty());
        }
        return result;
    }

    /**
     * The item read, by {@link GetItemResponse#hasItem()}: DynamoDB answers {@code "Item": {}} for an item that
     * exists when the projection names none of its attributes, and leaves {@code Item} out when there is no item.
     */
    static Optional<Map<String, Object>> item(GetItemResponse response) {
        return response.hasItem() ? Optional.of(AttributeValues.fromItem(response.item())) : Optional.empty();
    }

    /** Returned attributes or a last evaluated key: DynamoDB sends none, or a non-empty map. */
    static Optional<Map<String, Object>> present(Map<String, AttributeValue> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AttributeValues.fromItem(attributes));
    }

    static List<Map<String, Object>> fromItems(List<Map<String, AttributeValue>> items) {
        List<Map<String, Object>> result = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            result.add(AttributeValues.fromItem(item));
        }
        return result;
    }

    static Map<String, String> namesOrNull(Map<String, String> names) {
        return names.isEmpty() ? null : names;
    }

    static Map<String, AttributeValue> valuesOrNull(Map<String, Object> values) {
        return values.isEmpty() ? null : AttributeValues.toItem(values);
    }
}
