package io.dynamokit.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keys for {@link DocumentClient#batchGetItem}, in any number and across tables: the client splits them into
 * requests of 100 and retries what DynamoDB leaves unprocessed.
 */
public final class BatchGet {

    /** The keys of one table and how to read them. */
    public record TableKeys(List<Map<String, Object>> keys, boolean consistentRead, String projection,
            Map<String, String> expressionNames) {
    }

    private final Map<String, TableKeys> tables;

    private BatchGet(Map<String, TableKeys> tables) {
        this.tables = tables;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, TableKeys> tables() {
        return tables;
    }

    public static final class Builder {

        private final Map<String, List<Map<String, Object>>> keys = new LinkedHashMap<>();
        private final Map<String, Boolean> consistent = new LinkedHashMap<>();
        private final Map<String, String> projections = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> names = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder key(String tableName, Map<String, ?> key) {
            keys.computeIfAbsent(tableName, t -> new ArrayList<>()).add(new LinkedHashMap<>(key));
            return this;
        }

        public Builder keys(String tableName, Iterable<? extends Map<String, ?>> tableKeys) {
            for (Map<String, ?> key : tableKeys) {
                key(tableName, key);
            }
            return this;
        }

        public Builder consistentRead(String tableName) {
            consistent.put(tableName, Boolean.TRUE);
            return this;
        }

        public Builder projection(String tableName, String projectionExpression, Map<String, String> expressionNames) {
            projections.put(tableName, projectionExpression);
            names.put(tableName, Map.copyOf(expressionNames));
            return this;
        }

        public BatchGet build() {
            Map<String, TableKeys> tables = new LinkedHashMap<>();
            keys.forEach((table, list) -> tables.put(table, new TableKeys(List.copyOf(list),
                    consistent.getOrDefault(table, Boolean.FALSE), projections.get(table),
                    names.getOrDefault(table, Map.of()))));
            return new BatchGet(Collections.unmodifiableMap(tables));
        }
    }
}
