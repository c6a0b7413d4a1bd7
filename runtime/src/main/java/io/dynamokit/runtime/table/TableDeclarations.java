package io.dynamokit.runtime.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.dynamokit.runtime.config.DynamoKitConfig;
import io.dynamokit.runtime.config.TableConfig;
import io.dynamokit.runtime.config.TablesConfig;

/**
 * The {@code quarkus.dynamokit.tables.*} declarations, checked once: the valid ones as {@link TableDefinition}s, and
 * every problem, each naming its property and what it accepts.
 */
public final class TableDeclarations {

    static final String PREFIX = "quarkus.dynamokit.tables.";

    private final SortedMap<String, TableDefinition> definitions;
    private final List<String> problems;

    private TableDeclarations(SortedMap<String, TableDefinition> definitions, List<String> problems) {
        this.definitions = definitions;
        this.problems = problems;
    }

    /** Checks every declaration, in the order of the sorted table names. */
    public static TableDeclarations of(DynamoKitConfig config) {
        TablesConfig tables = config.declarativeTables();
        List<String> problems = new ArrayList<>();
        SortedMap<String, TableDefinition> definitions = new TreeMap<>();
        for (Map.Entry<String, TableConfig> table : new TreeMap<>(tables.tables()).entrySet()) {
            TableDefinition definition = new DeclarationParser(table.getKey(), table.getValue(), tables,
                    config.client(), problems).parse();
            if (definition != null) {
                definitions.put(table.getKey(), definition);
            }
        }
        return new TableDeclarations(Collections.unmodifiableSortedMap(definitions),
                Collections.unmodifiableList(problems));
    }

    /** The valid declarations by declared name, sorted: all of them when there is no problem. */
    public SortedMap<String, TableDefinition> definitions() {
        return definitions;
    }

    /** Every problem of the declarations; empty when they are valid. */
    public List<String> problems() {
        return problems;
    }

    /** The name of a declared table in DynamoDB. */
    static String tableName(TablesConfig tables, String declaredName) {
        return tables.tableNamePrefix().orElse("") + declaredName + tables.tableNameSuffix().orElse("");
    }

    static String normalize(String value) {
        return value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
