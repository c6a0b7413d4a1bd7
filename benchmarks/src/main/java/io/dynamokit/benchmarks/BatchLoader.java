package io.dynamokit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes many items through plain SDK {@code BatchWriteItem} requests of 25, from a few threads at once. Each thread
 * builds its items as it sends them, so that the loader itself holds only the requests in flight (what the heap
 * holds afterwards is the server's).
 */
final class BatchLoader {

    static final int WRITES_PER_REQUEST = 25;

    private BatchLoader() {
    }

    /**
     * Writes items {@code 0} to {@code count - 1} and returns when all are acknowledged.
     *
     * @param threads how many requests are in flight at once
     */
    static void load(DynamoDbClient client, String table, int count, int threads,
            IntFunction<Map<String, AttributeValue>> itemOf) {
        ExecutorService lanes = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>(threads);
            for (int lane = 0; lane < threads; lane++) {
                int first = lane * WRITES_PER_REQUEST;
                running.add(lanes.submit(() -> {
                    for (int from = first; from < count; from += WRITES_PER_REQUEST * threads) {
                        List<WriteRequest> writes = new ArrayList<>(WRITES_PER_REQUEST);
                        for (int i = from; i < Math.min(count, from + WRITES_PER_REQUEST); i++) {
                            writes.add(WriteRequest.builder()
                                    .putRequest(PutRequest.builder().item(itemOf.apply(i)).build()).build());
                        }
                        BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(table,
                                writes)));
                        if (response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()) {
                            throw new IllegalStateException("the server left items unprocessed");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> lane : running) {
                lane.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + table, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading " + table + " failed: " + e.getCause(), e.getCause());
        } finally {
            lanes.shutdownNow();
        }
    }
}
