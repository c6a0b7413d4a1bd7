package io.dynamokit.runtime.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
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
    static final String DEFAULTS_PREFIX = "quarkus.dynamokit.table-defaults.";
    /** Where the capacity defaults were before {@link #DEFAULTS_PREFIX}; still read, the new names winning. */
    static final String FORMER_DEFAULTS_PREFIX = "quarkus.dynamokit.client.";
    static final long DEFAULT_CAPACITY_UNITS = 5;

    private final SortedMap<String, TableDefinition> definitions;
    private final List<String> problems;

    private TableDeclarations(SortedMap<String, TableDefinition> definitions, List<String> problems) {
        this.definitions = definitions;
        this.problems = problems;
    }

    /** Checks the defaults, then every declaration in the order of the sorted table names. */
    @SuppressWarnings("deprecation") // the former names of the capacity defaults are read on purpose
    public static TableDeclarations of(DynamoKitConfig config) {
        TablesConfig tables = config.declarativeTables();
        List<String> problems = new ArrayList<>();
        CapacityDefault read = CapacityDefault.of("read-capacity-units", tables.tableDefaults().readCapacityUnits(),
                config.client().readCapacityUnits(), problems);
        CapacityDefault write = CapacityDefault.of("write-capacity-units",
                tables.tableDefaults().writeCapacityUnits(), config.client().writeCapacityUnits(), problems);
        SortedMap<String, TableDefinition> definitions = new TreeMap<>();
        for (Map.Entry<String, TableConfig> table : new TreeMap<>(tables.tables()).entrySet()) {
            TableDefinition definition = new DeclarationParser(table.getKey(), table.getValue(), tables, read, write,
                    problems).parse();
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

    /**
     * A capacity default and the property it comes from, which problems name.
     *
     * @param property the property set, or the current name when neither is
     */
    record CapacityDefault(String property, long units) {

        /** The current property, else its former name, else {@link #DEFAULT_CAPACITY_UNITS}; checked. */
        static CapacityDefault of(String key, OptionalLong current, OptionalLong former, List<String> problems) {
            CapacityDefault value;
            if (current.isPresent()) {
                value = new CapacityDefault(DEFAULTS_PREFIX + key, current.getAsLong());
            } else if (former.isPresent()) {
                value = new CapacityDefault(FORMER_DEFAULTS_PREFIX + key, former.getAsLong());
            } else {
                value = new CapacityDefault(DEFAULTS_PREFIX + key, DEFAULT_CAPACITY_UNITS);
            }
            if (value.units() < 1) {
                problems.add(value.property() + " is " + value.units() + ": use 1 or more");
            }
            return value;
        }
    }

    /** The name of a declared table in DynamoDB. */
    static String tableName(TablesConfig tables, String declaredName) {
        return tables.tableNamePrefix().orElse("") + declaredName + tables.tableNameSuffix().orElse("");
    }

    static String normalize(String value) {
        return value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
