package io.dynamokit.runtime.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.dynamokit.runtime.table.ConcurrentTables.TableTask;
import io.dynamokit.table.TableDiff;
import io.smallrye.common.annotation.Blocking;

/**
 * What the Dev UI page shows of the declared tables: each one's name in DynamoDB, status, stream and time to live as
 * declared (and as DynamoDB reports them where they differ), and its differences from the declaration.
 */
public class TablesJsonRpcService {

    private final DeclaredTables tables;

    @Inject
    public TablesJsonRpcService(DeclaredTables tables) {
        this.tables = tables;
    }

    /** How many tables are declared, for the card's label. */
    public int getTableCount() {
        return tables.names().size();
    }

    /**
     * One row per declared table, each read once, all at the same time: {@code declaredName}, {@code tableName},
     * {@code status}, {@code stream} and {@code timeToLiveAttribute} as declared ({@code none} when not),
     * {@code reportedStream} and {@code reportedTimeToLiveAttribute} only when the existing table has other ones, and
     * {@code differences}.
     */
    @Blocking
    public List<Map<String, Object>> getTables() {
        return new ArrayList<>(tables.forEachTable(tables.definitions(), new TableTask<Map<String, Object>>() {
            @Override
            public Map<String, Object> run(TableDefinition table) {
                return row(table);
            }
        }).values());
    }

    private Map<String, Object> row(TableDefinition table) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("declaredName", table.declaredName());
        row.put("tableName", table.tableName());
        String stream = table.stream() == null ? TableComparison.NONE : table.stream().toString();
        String timeToLive = table.timeToLiveAttribute() == null ? TableComparison.NONE : table.timeToLiveAttribute();
        row.put("stream", stream);
        row.put("timeToLiveAttribute", timeToLive);
        List<String> differences = new ArrayList<>();
        try {
            ActualTable actual = tables.reader().read(table);
            row.put("status", TableReader.statusOf(actual.table()).name());
            if (actual.exists()) {
                String reportedStream = TableComparison.stream(actual.table().streamSpecification());
                if (!reportedStream.equals(stream)) {
                    row.put("reportedStream", reportedStream);
                }
                String reportedTimeToLive = TableComparison.timeToLiveAttribute(actual.timeToLive());
                if (!reportedTimeToLive.equals(timeToLive)) {
                    row.put("reportedTimeToLiveAttribute", reportedTimeToLive);
                }
            }
            for (TableDiff.Difference difference : TableComparison.diff(table, actual).differences()) {
                differences.add(difference.description());
            }
        } catch (RuntimeException e) {
            row.put("status", "UNKNOWN");
            differences.add("DynamoDB did not answer: " + e.getMessage());
        }
        row.put("differences", differences);
        return row;
    }
}
