package io.dynamokit.runtime.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.dynamokit.table.TableDiff;
import io.dynamokit.table.TableManager;
import io.smallrye.common.annotation.Blocking;

/**
 * What the Dev UI card shows of the declared tables: each one's name in DynamoDB, status and differences from its
 * declaration.
 */
public class TablesJsonRpcService {

    private final TableManager tables;

    @Inject
    public TablesJsonRpcService(TableManager tables) {
        this.tables = tables;
    }

    /** How many tables are declared, for the card's label. */
    public int getTableCount() {
        return tables.tables().size();
    }

    /** One row per declared table: {@code declaredName}, {@code tableName}, {@code status}, {@code differences}. */
    @Blocking
    public List<Map<String, Object>> getTables() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String table : tables.tables()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("declaredName", table);
            row.put("tableName", tables.tableName(table));
            List<String> differences = new ArrayList<>();
            try {
                row.put("status", tables.status(table).name());
                for (TableDiff.Difference difference : tables.diff(table).differences()) {
                    differences.add(difference.description());
                }
            } catch (RuntimeException e) {
                row.put("status", "UNKNOWN");
                differences.add("DynamoDB did not answer: " + e.getMessage());
            }
            row.put("differences", differences);
            rows.add(row);
        }
        return rows;
    }
}
