package io.dynamokit.document;

import java.util.List;
import java.util.Map;

/**
 * DynamoDB still left keys unprocessed after every retry. Carries those keys, and the items read for the others.
 */
public class BatchGetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, List<Map<String, Object>>> unprocessedKeys;
    private final transient Map<String, List<Map<String, Object>>> itemsRead;

    public BatchGetException(String message, Map<String, List<Map<String, Object>>> unprocessedKeys,
            Map<String, List<Map<String, Object>>> itemsRead) {
        super(message);
        this.unprocessedKeys = unprocessedKeys;
        this.itemsRead = itemsRead;
    }

    /** The keys DynamoDB did not process, table by table. */
    public Map<String, List<Map<String, Object>>> unprocessedKeys() {
        return unprocessedKeys;
    }

    /** The items that were read, table by table. */
    public Map<String, List<Map<String, Object>>> itemsRead() {
        return itemsRead;
    }
}
