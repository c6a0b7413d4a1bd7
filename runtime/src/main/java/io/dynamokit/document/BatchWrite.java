package io.dynamokit.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts and deletes for {@link DocumentClient#batchWriteItem}, in any number and across tables: the client splits
 * them into requests of 25 and retries what DynamoDB leaves unprocessed.
 */
public final class BatchWrite {

    /** One put (an item) or delete (a key). */
    public record Write(boolean isPut, Map<String, Object> attributes) {

        public Write {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    private final Map<String, List<Write>> writes;

    private BatchWrite(Map<String, List<Write>> writes) {
        this.writes = writes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The writes, table by table, in the order they were added. */
    public Map<String, List<Write>> writes() {
        return writes;
    }

    public int size() {
        int size = 0;
        for (List<Write> tableWrites : writes.values()) {
            size += tableWrites.size();
        }
        return size;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public static final class Builder {

        private final Map<String, List<Write>> writes = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String tableName, Map<String, ?> item) {
            writes.computeIfAbsent(tableName, t -> new ArrayList<>()).add(new Write(true, Collections.unmodifiableMap(item)));
            return this;
        }

        public Builder putAll(String tableName, Iterable<? extends Map<String, ?>> items) {
            for (Map<String, ?> item : items) {
                put(tableName, item);
            }
            return this;
        }

        public Builder delete(String tableName, Map<String, ?> key) {
            writes.computeIfAbsent(tableName, t -> new ArrayList<>()).add(new Write(false, Collections.unmodifiableMap(key)));
            return this;
        }

        public Builder deleteAll(String tableName, Iterable<? extends Map<String, ?>> keys) {
            for (Map<String, ?> key : keys) {
                delete(tableName, key);
            }
            return this;
        }

        public BatchWrite build() {
            Map<String, List<Write>> copy = new LinkedHashMap<>();
            writes.forEach((table, list) -> copy.put(table, List.copyOf(list)));
            return new BatchWrite(Collections.unmodifiableMap(copy));
        }
    }
}
