package io.dynamokit.document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One read of {@link DocumentClient#transactGetItems}. Immutable.
 */
public final class TransactGet {

    private final String tableName;
    private final Map<String, Object> key;
    private final String projection;
    private final Map<String, String> names;

    private TransactGet(String tableName, Map<String, ?> key, String projection, Map<String, String> names) {
        this.tableName = tableName;
        this.key = new LinkedHashMap<>(key);
        this.projection = projection;
        this.names = Map.copyOf(names);
    }

    public static TransactGet of(String tableName, Map<String, ?> key) {
        return new TransactGet(tableName, key, null, Map.of());
    }

    public TransactGet projection(String projectionExpression, Map<String, String> expressionNames) {
        return new TransactGet(tableName, key, projectionExpression, expressionNames);
    }

    public String tableName() {
        return tableName;
    }

    public Map<String, Object> key() {
        return key;
    }

    public Optional<String> projectionExpression() {
        return Optional.ofNullable(projection);
    }

    public Map<String, String> expressionNames() {
        return names;
    }
}
