package io.dynamokit.runtime.table;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.Executor;

import io.dynamokit.runtime.table.ConcurrentTables.TableTask;
import io.dynamokit.table.SchemaManagement;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The declared tables and what reads, changes and waits for them in DynamoDB. One per application (an internal
 * {@code @Singleton} bean, so that start-up and the Dev UI use it without a client proxy); the public
 * {@link io.dynamokit.table.TableManager} is built on it.
 */
public final class DeclaredTables {

    private final SortedMap<String, TableDefinition> definitions;
    private final TableReader reader;
    private final TableWaiter waiter;
    private final TableConverger converger;
    private final TableDropper dropper;
    private final ConcurrentTables concurrently;

    /**
     * @param definitions the declared tables by declared name
     * @param timeout how long a creation, change or deletion is waited for
     */
    public DeclaredTables(DynamoDbClient client, SortedMap<String, TableDefinition> definitions, Executor executor,
            Duration timeout) {
        this.definitions = definitions;
        TableTags tags = new TableTags(client);
        this.reader = new TableReader(client, tags);
        this.waiter = new TableWaiter(client);
        this.converger = new TableConverger(client, reader, tags, waiter, timeout);
        this.dropper = new TableDropper(client, reader, waiter, timeout);
        this.concurrently = new ConcurrentTables(executor);
    }

    /** The declared names, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(definitions.keySet());
    }

    /** Applies a schema management strategy to every declared table. */
    public void manageSchema(SchemaManagement strategy, boolean production, boolean allowDropAndCreateInProd) {
        new SchemaManager(this, strategy).run(production, allowDropAndCreateInProd);
    }

    Collection<TableDefinition> definitions() {
        return definitions.values();
    }

    /** @throws IllegalArgumentException naming the declared tables when this one is not declared */
    TableDefinition definition(String declaredName) {
        TableDefinition definition = definitions.get(declaredName);
        if (definition == null) {
            throw new IllegalArgumentException("No table " + declaredName + " is declared (" + TableDeclarations.PREFIX
                    + "\"" + declaredName + "\".*); declared tables: " + definitions.keySet());
        }
        return definition;
    }

    TableReader reader() {
        return reader;
    }

    TableWaiter waiter() {
        return waiter;
    }

    TableConverger converger() {
        return converger;
    }

    TableDropper dropper() {
        return dropper;
    }

    /** Every given table read at the same time, one task per table. */
    Map<String, ActualTable> readAll(Collection<TableDefinition> tables) {
        return forEachTable(tables, new TableTask<ActualTable>() {
            @Override
            public ActualTable run(TableDefinition table) {
                return reader.read(table);
            }
        });
    }

    <T> Map<String, T> forEachTable(Collection<TableDefinition> tables, TableTask<T> task) {
        return concurrently.forEachTable(tables, task);
    }
}
