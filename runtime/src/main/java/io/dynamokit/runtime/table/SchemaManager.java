package io.dynamokit.runtime.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.dynamokit.table.SchemaManagement;
import io.dynamokit.table.TableDiff;
import io.dynamokit.table.TableManagementException;

/**
 * Applies {@code quarkus.dynamokit.schema-management} to every declared table at start-up. All tables are read at
 * the same time, one task per table; every problem of every table is reported at once, before anything is changed.
 */
final class SchemaManager {

    private static final Logger LOG = Logger.getLogger(SchemaManager.class);

    static final String PROPERTY = "quarkus.dynamokit.schema-management";
    static final String RECREATION_ADVICE = "DynamoDB cannot change the keys or local secondary indexes of an existing "
            + "table. Declare a new table and copy the data over, or, where the data may go, delete the table "
            + "(TableManager.delete, or " + PROPERTY + "=drop-and-create outside production).";

    private final DeclaredTables tables;
    private final SchemaManagement strategy;

    SchemaManager(DeclaredTables tables, SchemaManagement strategy) {
        this.tables = tables;
        this.strategy = strategy;
    }

    void run(boolean production, boolean allowDropAndCreateInProd) {
        if (strategy == SchemaManagement.NONE || tables.definitions().isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        String outcome;
        switch (strategy) {
            case VALIDATE:
                outcome = validate();
                break;
            case CREATE:
                outcome = createOrUpdate(false);
                break;
            case UPDATE:
                outcome = createOrUpdate(true);
                break;
            case DROP_AND_CREATE:
                outcome = dropAndCreate(production, allowDropAndCreateInProd);
                break;
            default:
                throw new IllegalStateException("Unknown schema management " + strategy);
        }
        LOG.infof("DynamoKit schema management (%s): %s in %d ms", name(strategy), outcome,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private String validate() {
        Map<String, ActualTable> actual = tables.readAll(tables.definitions());
        List<TableDiff> differing = new ArrayList<>();
        for (TableDefinition table : tables.definitions()) {
            TableDiff diff = TableComparison.diff(table, actual.get(table.declaredName()));
            if (!diff.isEmpty()) {
                differing.add(diff);
            }
        }
        if (!differing.isEmpty()) {
            StringBuilder message = new StringBuilder(PROPERTY).append("=validate: ").append(differing.size())
                    .append(differing.size() == 1 ? " declared table differs" : " declared tables differ")
                    .append(" from DynamoDB:");
            for (TableDiff diff : differing) {
                for (TableDiff.Difference difference : diff.differences()) {
                    message.append("\n - ").append(difference);
                }
            }
            message.append("\nChange the declarations (quarkus.dynamokit.tables.*), or bring the tables to them with ")
                    .append(PROPERTY).append("=update.");
            throw new TableManagementException(message.toString());
        }
        return count(tables.definitions().size()) + " as declared";
    }

    private String createOrUpdate(boolean update) {
        Map<String, ActualTable> actual = tables.readAll(tables.definitions());
        List<TableDefinition> missing = new ArrayList<>();
        List<TableDefinition> differing = new ArrayList<>();
        List<TableDiff.Difference> blocking = new ArrayList<>();
        for (TableDefinition table : tables.definitions()) {
            ActualTable existing = actual.get(table.declaredName());
            if (!existing.exists()) {
                missing.add(table);
                continue;
            }
            TableDiff diff = TableComparison.diff(table, existing);
            blocking.addAll(diff.requiringRecreation());
            if (diff.isEmpty()) {
                continue;
            }
            differing.add(table);
            if (!update && diff.requiringRecreation().isEmpty()) {
                LOG.warnf("Table %s differs from its declaration, and %s=create leaves existing tables as they are "
                        + "(update changes them):\n - %s", table.tableName(), PROPERTY,
                        TableComparison.lines(diff.differences()));
            }
        }
        if (!blocking.isEmpty()) {
            throw new TableManagementException(PROPERTY + "=" + name(strategy) + ": "
                    + (update ? "these tables cannot be brought to their declarations without deleting them and "
                            + "their data:"
                            : "these existing tables have other keys or local secondary indexes than declared:")
                    + "\n - " + TableComparison.lines(blocking) + "\n" + RECREATION_ADVICE);
        }
        tables.forEachTable(missing, new ConcurrentTables.TableTask<Void>() {
            @Override
            public Void run(TableDefinition table) {
                tables.converger().create(table);
                return null;
            }
        });
        if (update) {
            tables.forEachTable(differing, new ConcurrentTables.TableTask<Void>() {
                @Override
                public Void run(TableDefinition table) {
                    tables.converger().converge(table);
                    return null;
                }
            });
        }
        int unchanged = tables.definitions().size() - missing.size() - (update ? differing.size() : 0);
        return count(missing.size()) + " created, " + (update ? count(differing.size()) + " updated, " : "")
                + count(unchanged) + " unchanged";
    }

    private String dropAndCreate(boolean production, boolean allowed) {
        if (production && !allowed) {
            throw new TableManagementException(PROPERTY + "=drop-and-create deletes every declared table and its "
                    + "data, and this application runs in production (the prod profile, or a java -jar or native "
                    + "application): it is refused. Use update or create, or set "
                    + "quarkus.dynamokit.allow-drop-and-create-in-prod=true to allow it.");
        }
        tables.forEachTable(tables.definitions(), new ConcurrentTables.TableTask<Void>() {
            @Override
            public Void run(TableDefinition table) {
                tables.dropper().drop(table);
                tables.converger().create(table);
                return null;
            }
        });
        return count(tables.definitions().size()) + " dropped and created";
    }

    private static String count(int tables) {
        return tables == 1 ? "1 table" : tables + " tables";
    }

    static String name(SchemaManagement strategy) {
        return strategy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
