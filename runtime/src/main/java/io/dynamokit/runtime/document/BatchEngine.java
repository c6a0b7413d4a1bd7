package io.dynamokit.runtime.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.dynamokit.document.AttributeValues;
import io.dynamokit.document.BatchGet;
import io.dynamokit.document.BatchGetException;
import io.dynamokit.document.BatchWrite;
import io.dynamokit.document.BatchWriteException;
import io.dynamokit.runtime.instrument.Scopes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Batch writes and reads of any size: split into requests of 25 writes or 100 keys, sent by
 * {@link DocumentSettings#concurrency()} lanes at once, with what DynamoDB leaves unprocessed re-sent after a backoff.
 * Written once over a function that sends a request asynchronously, so that the blocking and the reactive document
 * clients share it. Every value is marshalled before the first request is sent.
 */
final class BatchEngine {

    static final int WRITES_PER_REQUEST = 25;
    static final int KEYS_PER_REQUEST = 100;

    private final DocumentSettings settings;
    private final Executor executor;

    BatchEngine(DocumentSettings settings, Executor executor) {
        this.settings = settings;
        this.executor = executor;
    }

    // ---- writes

    private record TableWrite(String table, BatchWrite.Write write, WriteRequest request) {
    }

    CompletableFuture<Void> write(BatchWrite batch,
            Function<BatchWriteItemRequest, CompletableFuture<BatchWriteItemResponse>> sender) {
        // requests re-sent after a backoff start on a scheduler thread: credit them to the caller, as the first ones
        Function<BatchWriteItemRequest, CompletableFuture<BatchWriteItemResponse>> send =
                Scopes.carryingCurrent(sender);
        List<TableWrite> all = new ArrayList<>(batch.size());
        batch.writes().forEach((table, writes) -> {
            for (BatchWrite.Write write : writes) {
                all.add(new TableWrite(table, write, toWriteRequest(write)));
            }
        });
        List<TableWrite> unprocessed = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        return runLanes(chunks(all, WRITES_PER_REQUEST),
                chunk -> writeRounds(chunk, 0, send).handle((left, failure) -> {
                    if (failure != null) {
                        PendingWrites pending = (PendingWrites) unwrap(failure);
                        unprocessed.addAll(pending.writes);
                        failures.add(pending.getCause());
                    } else {
                        unprocessed.addAll(left);
                    }
                    return null;
                }))
                .thenRun(() -> {
                    if (!unprocessed.isEmpty()) {
                        throw writeFailure(all.size(), unprocessed, failures);
                    }
                });
    }

    /** Completes with the writes still unprocessed after the last round, or fails with {@link PendingWrites}. */
    private CompletableFuture<List<TableWrite>> writeRounds(List<TableWrite> pending, int round,
            Function<BatchWriteItemRequest, CompletableFuture<BatchWriteItemResponse>> send) {
        Map<String, List<WriteRequest>> items = new LinkedHashMap<>();
        for (TableWrite write : pending) {
            items.computeIfAbsent(write.table(), t -> new ArrayList<>()).add(write.request());
        }
        CompletableFuture<BatchWriteItemResponse> sent;
        try {
            sent = send.apply(BatchWriteItemRequest.builder().requestItems(items)
                    .returnConsumedCapacity(settings.returnConsumedCapacity()).build());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((response, failure) -> {
            if (failure != null) {
                throw new PendingWrites(pending, unwrap(failure));
            }
            return response;
        }).thenCompose(response -> {
            if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
                return CompletableFuture.completedFuture(List.<TableWrite> of());
            }
            List<TableWrite> left = matchUnprocessed(pending, response.unprocessedItems());
            if (round >= settings.maxRetries()) {
                return CompletableFuture.completedFuture(left);
            }
            return CompletableFuture.supplyAsync(() -> left, delayed(round + 1))
                    .thenCompose(next -> writeRounds(next, round + 1, send));
        });
    }

    private static List<TableWrite> matchUnprocessed(List<TableWrite> sent, Map<String, List<WriteRequest>> unprocessed) {
        List<TableWrite> left = new ArrayList<>();
        for (TableWrite write : sent) {
            List<WriteRequest> tableLeft = unprocessed.get(write.table());
            if (tableLeft != null && tableLeft.contains(write.request())) {
                left.add(write);
            }
        }
        return left;
    }

    private BatchWriteException writeFailure(int total, List<TableWrite> unprocessed, List<Throwable> failures) {
        BatchWrite.Builder left = BatchWrite.builder();
        for (TableWrite write : unprocessed) {
            if (write.write().isPut()) {
                left.put(write.table(), write.write().attributes());
            } else {
                left.delete(write.table(), write.write().attributes());
            }
        }
        BatchWriteException error = new BatchWriteException(unprocessed.size() + " of " + total
                + " writes were not processed" + reason(failures), left.build());
        failures.forEach(error::addSuppressed);
        return error;
    }

    private static final class PendingWrites extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient List<TableWrite> writes;

        PendingWrites(List<TableWrite> writes, Throwable cause) {
            super(null, cause, false, false);
            this.writes = writes;
        }
    }

    // ---- reads

    private record TableKey(String table, Map<String, AttributeValue> key) {
    }

    CompletableFuture<Map<String, List<Map<String, Object>>>> get(BatchGet batch,
            Function<BatchGetItemRequest, CompletableFuture<BatchGetItemResponse>> sender) {
        Function<BatchGetItemRequest, CompletableFuture<BatchGetItemResponse>> send = Scopes.carryingCurrent(sender);
        List<TableKey> all = new ArrayList<>();
        Map<String, BatchGet.TableKeys> tables = batch.tables();
        tables.forEach((table, tableKeys) -> {
            Set<Map<String, AttributeValue>> distinct = new LinkedHashSet<>();
            for (Map<String, Object> key : tableKeys.keys()) {
                distinct.add(AttributeValues.toItem(key));
            }
            for (Map<String, AttributeValue> key : distinct) {
                all.add(new TableKey(table, key));
            }
        });
        Map<String, List<Map<String, Object>>> found = new LinkedHashMap<>();
        tables.keySet().forEach(table -> found.put(table, Collections.synchronizedList(new ArrayList<>())));
        List<TableKey> unprocessed = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        return runLanes(chunks(all, KEYS_PER_REQUEST),
                chunk -> readRounds(chunk, 0, tables, found, send).handle((left, failure) -> {
                    if (failure != null) {
                        PendingKeys pending = (PendingKeys) unwrap(failure);
                        unprocessed.addAll(pending.keys);
                        failures.add(pending.getCause());
                    } else {
                        unprocessed.addAll(left);
                    }
                    return null;
                }))
                .thenApply(done -> {
                    Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
                    found.forEach((table, items) -> result.put(table, List.copyOf(items)));
                    if (!unprocessed.isEmpty()) {
                        throw readFailure(all.size(), unprocessed, failures, result);
                    }
                    return result;
                });
    }

    private CompletableFuture<List<TableKey>> readRounds(List<TableKey> pending, int round,
            Map<String, BatchGet.TableKeys> tables, Map<String, List<Map<String, Object>>> found,
            Function<BatchGetItemRequest, CompletableFuture<BatchGetItemResponse>> send) {
        Map<String, List<Map<String, AttributeValue>>> keysByTable = new LinkedHashMap<>();
        for (TableKey key : pending) {
            keysByTable.computeIfAbsent(key.table(), t -> new ArrayList<>()).add(key.key());
        }
        Map<String, KeysAndAttributes> items = new LinkedHashMap<>();
        keysByTable.forEach((table, keys) -> {
            BatchGet.TableKeys options = tables.get(table);
            KeysAndAttributes.Builder keysAndAttributes = KeysAndAttributes.builder().keys(keys)
                    .consistentRead(options.consistentRead());
            if (options.projection() != null) {
                keysAndAttributes.projectionExpression(options.projection());
            }
            if (!options.expressionNames().isEmpty()) {
                keysAndAttributes.expressionAttributeNames(options.expressionNames());
            }
            items.put(table, keysAndAttributes.build());
        });
        CompletableFuture<BatchGetItemResponse> sent;
        try {
            sent = send.apply(BatchGetItemRequest.builder().requestItems(items)
                    .returnConsumedCapacity(settings.returnConsumedCapacity()).build());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((response, failure) -> {
            if (failure != null) {
                throw new PendingKeys(pending, unwrap(failure));
            }
            return response;
        }).thenCompose(response -> {
            response.responses().forEach((table, tableItems) -> {
                List<Map<String, Object>> tableFound = found.get(table);
                for (Map<String, AttributeValue> item : tableItems) {
                    tableFound.add(AttributeValues.fromItem(item));
                }
            });
            if (!response.hasUnprocessedKeys() || response.unprocessedKeys().isEmpty()) {
                return CompletableFuture.completedFuture(List.<TableKey> of());
            }
            List<TableKey> left = new ArrayList<>();
            response.unprocessedKeys().forEach((table, keysAndAttributes) -> {
                for (Map<String, AttributeValue> key : keysAndAttributes.keys()) {
                    left.add(new TableKey(table, key));
                }
            });
            if (round >= settings.maxRetries()) {
                return CompletableFuture.completedFuture(left);
            }
            return CompletableFuture.supplyAsync(() -> left, delayed(round + 1))
                    .thenCompose(next -> readRounds(next, round + 1, tables, found, send));
        });
    }

    private BatchGetException readFailure(int total, List<TableKey> unprocessed, List<Throwable> failures,
            Map<String, List<Map<String, Object>>> read) {
        Map<String, List<Map<String, Object>>> left = new LinkedHashMap<>();
        for (TableKey key : unprocessed) {
            left.computeIfAbsent(key.table(), t -> new ArrayList<>()).add(AttributeValues.fromItem(key.key()));
        }
        BatchGetException error = new BatchGetException(unprocessed.size() + " of " + total + " keys were not read"
                + reason(failures), left, read);
        failures.forEach(error::addSuppressed);
        return error;
    }

    private static final class PendingKeys extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient List<TableKey> keys;

        PendingKeys(List<TableKey> keys, Throwable cause) {
            super(null, cause, false, false);
            this.keys = keys;
        }
    }

    // ---- shared

    private String reason(List<Throwable> failures) {
        return failures.isEmpty()
                ? " after " + settings.maxRetries() + " retries (quarkus.dynamokit.document.batch-max-retries)"
                : ": " + failures.get(0);
    }

    private Executor delayed(int attempt) {
        return CompletableFuture.delayedExecutor(settings.backoff().computeDelay(attempt).toMillis(),
                TimeUnit.MILLISECONDS, executor);
    }

    /**
     * Deals the chunks round-robin into at most {@code concurrency} lanes; each lane sends its chunks one after the
     * other, the lanes run at the same time.
     */
    private <T> CompletableFuture<Void> runLanes(List<List<T>> chunks,
            Function<List<T>, CompletableFuture<Void>> sendChunk) {
        int count = Math.max(1, Math.min(settings.concurrency(), chunks.size()));
        List<CompletableFuture<Void>> lanes = new ArrayList<>(count);
        for (int lane = 0; lane < count; lane++) {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int i = lane; i < chunks.size(); i += count) {
                List<T> chunk = chunks.get(i);
                chain = chain.thenCompose(previous -> sendChunk.apply(chunk));
            }
            lanes.add(chain);
        }
        return CompletableFuture.allOf(lanes.toArray(new CompletableFuture<?>[0]));
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>((all.size() + size - 1) / size);
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    private static WriteRequest toWriteRequest(BatchWrite.Write write) {
        Map<String, AttributeValue> attributes = AttributeValues.toItem(write.attributes());
        return write.isPut()
                ? WriteRequest.builder().putRequest(PutRequest.builder().item(attributes).build()).build()
                : WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(attributes).build()).build();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
