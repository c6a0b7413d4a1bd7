package io.dynamokit.engine.storage;

/**
 * The position of an entry in an index's ordered map: the index key (token of the index's partition key, then its
 * keys), then the table key, which tells apart items with equal index keys (as DynamoDB orders them).
 */
public record IndexKey(ItemKey indexKey, ItemKey tableKey) implements Comparable<IndexKey> {

    /** Before every entry of the index partition {@code indexHash} (use as inclusive lower bound). */
    public static IndexKey partitionStart(io.dynamokit.engine.model.AttributeValue indexHash) {
        return new IndexKey(ItemKey.partitionStart(indexHash), null);
    }

    public static IndexKey partitionEnd(io.dynamokit.engine.model.AttributeValue indexHash) {
        return new IndexKey(ItemKey.partitionEnd(indexHash), null);
    }

    public static IndexKey tokenStart(long token) {
        return new IndexKey(ItemKey.tokenStart(token), null);
    }

    @Override
    public int compareTo(IndexKey other) {
        int c = indexKey.compareTo(other.indexKey);
        if (c != 0) {
            return c;
        }
        if (tableKey == null || other.tableKey == null) {
            return tableKey == null ? (other.tableKey == null ? 0 : -1) : 1;
        }
        return tableKey.compareTo(other.tableKey);
    }
}
