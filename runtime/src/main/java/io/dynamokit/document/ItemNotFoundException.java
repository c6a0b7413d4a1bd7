package io.dynamokit.document;

import java.util.Map;

/**
 * No item has the key asked for: thrown by {@link DocumentClient#getItemOrThrow} (the {@code get_or_404} style).
 */
public class ItemNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String tableName;
    private final transient Map<String, Object> key;

    public ItemNotFoundException(String tableName, Map<String, Object> key) {
        super("No item in table " + tableName + " with key " + key);
        this.tableName = tableName;
        this.key = Map.copyOf(key);
    }

    public String tableName() {
        return tableName;
    }

    public Map<String, Object> key() {
        return key;
    }
}
