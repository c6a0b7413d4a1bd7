package io.dynamokit.runtime.document;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.dynamokit.document.AttributeValues;
import io.dynamokit.document.BatchGet;
import io.dynamokit.document.BatchWrite;
import io.dynamokit.document.GetOptions;
import io.dynamokit.document.ItemNotFoundException;
import io.dynamokit.document.Page;
import io.dynamokit.document.Query;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.document.Scan;
import io.dynamokit.document.TransactGet;
import io.dynamokit.document.TransactWrite;
import io.dynamokit.document.WriteOptions;
import io.dynamokit.runtime.config.TableReadiness;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import mutiny.zero.flow.adapters.AdaptersToFlow;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.AsyncWaiter;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * {@link ReactiveDocumentClient} over a {@link DynamoDbAsyncClient}.
 */
public final class DefaultReactiveDocumentClient implements ReactiveDocumentClient {

    private final DynamoDbAsyncClient client;
    private final Requests requests;
    private final BatchEngine batches;
    private final ScheduledExecutorService scheduler;

    public DefaultReactiveDocumentClient(DynamoDbAsyncClient client, DocumentSettings settings,
            ScheduledExecutorService scheduler) {
        this.client = client;
        this.requests = new Requests(settings.returnConsumedCapacity());
        this.batches = new BatchEngine(settings, scheduler);
        this.scheduler = scheduler;
    }

    /** Builds the request (marshalling included) on subscription, so that a failure fails the Uni. */
    private static <T> Uni<T> call(Supplier<CompletableFuture<T>> call) {
        return Uni.createFrom().completionStage(call);
    }

    @Override
    public Uni<Optional<Map<String, Object>>> getItem(String tableName, Map<String, ?> key) {
        return getItem(tableName, key, GetOptions.defaults());
    }

    @Override
    public Uni<Optional<Map<String, Object>>> getItem(String tableName, Map<String, ?> key, GetOptions options) {
        return call(() -> client.getItem(requests.getItem(tableName, key, options)))
                .map(DefaultDocumentClient::item);
    }

    @Override
    public Uni<Map<String, Object>> getItemOrThrow(String tableName, Map<String, ?> key) {
        return getItemOrThrow(tableName, key, GetOptions.defaults());
    }

    @Override
    public Uni<Map<String, Object>> getItemOrThrow(String tableName, Map<String, ?> key, GetOptions options) {
        return getItem(tableName, key, options).map(item -> item
                .orElseThrow(() -> new ItemNotFoundException(tableName, new LinkedHashMap<>(key))));
    }

    @Override
    public Uni<Optional<Map<String, Object>>> putItem(String tableName, Map<String, ?> item) {
        return putItem(tableName, item, WriteOptions.defaults());
    }

    @Override
    public Uni<Optional<Map<String, Object>>> putItem(String tableName, Map<String, ?> item, WriteOptions options) {
        return call(() -> client.putItem(requests.putItem(tableName, item, options)))
                .map(response -> DefaultDocumentClient.present(response.attributes()));
    }

    @Override
    public Uni<Optional<Map<String, Object>>> updateItem(String tableName, Map<String, ?> key, String updateExpression,
            WriteOptions options) {
        return call(() -> client.updateItem(requests.updateItem(tableName, key, updateExpression, options)))
                .map(response -> DefaultDocumentClient.present(response.attributes()));
    }

    @Override
    public Uni<Optional<Map<String, Object>>> deleteItem(String tableName, Map<String, ?> key) {
        return deleteItem(tableName, key, WriteOptions.defaults());
    }

    @Override
    public Uni<Optional<Map<String, Object>>> deleteItem(String tableName, Map<String, ?> key, WriteOptions options) {
        return call(() -> client.deleteItem(requests.deleteItem(tableName, key, options)))
                .map(response -> DefaultDocumentClient.present(response.attributes()));
    }

    @Override
    public Uni<Page> queryPage(Query query) {
        return call(() -> client.query(requests.query(query)))
                .map(response -> new Page(DefaultDocumentClient.fromItems(response.items()), response.count(),
                        response.scannedCount(), DefaultDocumentClient.present(response.lastEvaluatedKey())));
    }

    @Override
    public Multi<Map<String, Object>> query(Query query) {
        return Multi.createFrom().deferred(() -> Multi.createFrom()
                .publisher(AdaptersToFlow.publisher(client.queryPaginator(requests.query(query)).items())))
                .map(AttributeValues::fromItem);
    }

    @Override
    public Uni<Long> count(Query query) {
        return Multi.createFrom().deferred(() -> Multi.createFrom()
                .publisher(AdaptersToFlow.publisher(client.queryPaginator(requests.query(query.select(Select.COUNT))))))
                .collect().with(Collectors.summingLong(response -> response.count()));
    }

    @Override
    public Uni<Page> scanPage(Scan scan) {
        return call(() -> client.scan(requests.scan(scan)))
                .map(response -> new Page(DefaultDocumentClient.fromItems(response.items()), response.count(),
                        response.scannedCount(), DefaultDocumentClient.present(response.lastEvaluatedKey())));
    }

    @Override
    public Multi<Map<String, Object>> scan(Scan scan) {
        return Multi.createFrom().deferred(() -> Multi.createFrom()
                .publisher(AdaptersToFlow.publisher(client.scanPaginator(requests.scan(scan)).items())))
                .map(AttributeValues::fromItem);
    }

    @Override
    public Uni<Map<String, List<Map<String, Object>>>> batchGetItem(BatchGet batch) {
        return call(() -> batches.get(batch, client::batchGetItem));
    }

    @Override
    public Uni<Void> batchWriteItem(BatchWrite batch) {
        return call(() -> batches.write(batch, client::batchWriteItem));
    }

    @Override
    public Uni<List<Optional<Map<String, Object>>>> transactGetItems(List<TransactGet> reads) {
        return call(() -> client.transactGetItems(requests.transactGet(reads)))
                .map(response -> DefaultDocumentClient.presentEach(response.responses()));
    }

    @Override
    public Uni<Void> transactWriteItems(List<TransactWrite> actions) {
        return call(() -> client.transactWriteItems(requests.transactWrite(actions))).replaceWithVoid();
    }

    @Override
    public Uni<TableDescription> createTable(CreateTableRequest request) {
        return call(() -> client.createTable(request)).map(r -> r.tableDescription());
    }

    @Override
    public Uni<TableDescription> describeTable(String tableName) {
        return call(() -> client.describeTable(b -> b.tableName(tableName))).map(DescribeTableResponse::table);
    }

    @Override
    public Uni<TableDescription> updateTable(UpdateTableRequest request) {
        return call(() -> client.updateTable(request)).map(r -> r.tableDescription());
    }

    @Override
    public Uni<TableDescription> deleteTable(String tableName) {
        return call(() -> client.deleteTable(b -> b.tableName(tableName))).map(r -> r.tableDescription());
    }

    @Override
    public Uni<List<String>> listTables() {
        return Multi.createFrom().deferred(() -> Multi.createFrom()
                .publisher(AdaptersToFlow.publisher(client.listTablesPaginator().tableNames())))
                .collect().asList();
    }

    @Override
    public Uni<TableDescription> awaitActive(String tableName, Duration timeout) {
        return call(() -> {
            TableReadiness.Watch watch = new TableReadiness.Watch(tableName, timeout);
            AsyncWaiter<DescribeTableResponse> waiter = AsyncWaiter.builder(DescribeTableResponse.class)
                    .acceptors(TableReadiness.acceptors())
                    .overrideConfiguration(TableReadiness.polling(timeout))
                    .scheduledExecutorService(scheduler)
                    .build();
            return waiter.runAsync(() -> client.describeTable(b -> b.tableName(tableName)).whenComplete((r, e) -> {
                if (r != null) {
                    watch.saw(r);
                } else {
                    watch.failed(BatchEngine.unwrap(e));
                }
            })).handle((response, failure) -> {
                if (failure != null) {
                    Throwable cause = BatchEngine.unwrap(failure);
                    if (cause instanceof SdkClientException) {
                        throw watch.failure(cause);
                    }
                    throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
                }
                return response.matched().response().orElseThrow().table();
            });
        });
    }

    @Override
    public Uni<Void> awaitDeleted(String tableName, Duration timeout) {
        return call(() -> client.waiter().waitUntilTableNotExists(
                DescribeTableRequest.builder().tableName(tableName).build(), TableReadiness.polling(timeout)))
                .replaceWithVoid();
    }

    @Override
    public DynamoDbAsyncClient sdkClient() {
        return client;
    }
}
