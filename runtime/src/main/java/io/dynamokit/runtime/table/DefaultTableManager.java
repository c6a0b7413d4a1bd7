package io.dynamokit.runtime.table;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.dynamokit.runtime.table.ConcurrentTables.TableTask;
import io.dynamokit.table.TableDiff;
import io.dynamokit.table.TableManagementException;
import io.dynamokit.table.TableManager;
import io.dynamokit.table.TableStatus;

/**
 * {@link TableManager} over the {@link DeclaredTables}.
 */
public final class DefaultTableManager implements TableManager {

    private final DeclaredTables tables;

    public DefaultTableManager(DeclaredTables tables) {
        this.tables = tables;
    }

    @Override
    public Set<String> tables() {
        return tables.names();
    }

    @Override
    public String tableName(String table) {
        return tables.definition(table).tableName();
    }

    @Override
    public TableStatus status(String table) {
        return TableReader.statusOf(tables.reader().describe(tables.definition(table).tableName()));
    }

    @Override
    public Map<String, TableStatus> status() {
        return tables.forEachTable(tables.definitions(), new TableTask<TableStatus>() {
            @Override
            public TableStatus run(TableDefinition table) {
                return TableReader.statusOf(tables.reader().describe(table.tableName()));
            }
        });
    }

    @Override
    public TableDiff diff(String table) {
        TableDefinition definition = tables.definition(table);
        return TableComparison.diff(definition, tables.reader().read(definition));
    }

    @Override
    public void apply(String table) {
        TableDefinition definition = tables.definition(table);
        ActualTable actual = tables.reader().read(definition);
        if (!actual.exists()) {
            tables.converger().create(definition);
            return;
        }
        TableDiff diff = TableComparison.diff(definition, actual);
        if (!diff.requiringRecreation().isEmpty()) {
            throw new TableManagementException("Table " + definition.tableName() + " cannot be brought to its "
                    + "declaration without deleting it and its data:\n - "
                    + TableComparison.lines(diff.requiringRecreation()) + "\n" + SchemaManager.RECREATION_ADVICE);
        }
        tables.converger().converge(definition);
    }

    @Override
    public void delete(String table) {
        tables.dropper().drop(tables.definition(table));
    }

    @Override
    public void awaitRunning(String table, Duration timeout) {
        tables.waiter().awaitActive(tables.definition(table).tableName(), timeout);
    }
}
