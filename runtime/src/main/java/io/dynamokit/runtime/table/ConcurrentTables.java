package io.dynamokit.runtime.table;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs one task per table at the same time: DynamoDB answers each table's requests on their own, and against Amazon
 * DynamoDB each request waits for the network.
 */
final class ConcurrentTables {

    /** What is done for one table. */
    interface TableTask<T> {
        T run(TableDefinition table);
    }

    private final Executor executor;

    ConcurrentTables(Executor executor) {
        this.executor = executor;
    }

    /**
     * Runs the task for every table, each on the executor (a single table in the caller's thread), and waits for all
     * of them. Results by declared name, sorted. When tasks fail, the first failure is thrown with the others
     * suppressed.
     */
    <T> Map<String, T> forEachTable(Collection<TableDefinition> tables, TableTask<T> task) {
        Map<String, T> results = new TreeMap<>();
        if (tables.size() == 1) {
            TableDefinition only = tables.iterator().next();
            results.put(only.declaredName(), task.run(only));
            return results;
        }
        Map<String, CompletableFuture<T>> running = new HashMap<>();
        for (TableDefinition table : tables) {
            running.put(table.declaredName(), CompletableFuture.supplyAsync(new Supplier<T>() {
                @Override
                public T get() {
                    return task.run(table);
                }
            }, executor));
        }
        RuntimeException failure = null;
        for (TableDefinition table : tables) {
            try {
                results.put(table.declaredName(), running.get(table.declaredName()).join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                if (failure == null) {
                    failure = cause;
                } else if (failure != cause) {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }
}
