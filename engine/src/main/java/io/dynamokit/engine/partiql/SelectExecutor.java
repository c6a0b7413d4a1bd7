package io.dynamokit.engine.partiql;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.model.ItemSize;
import io.dynamokit.engine.model.KeyOrder;
import io.dynamokit.engine.protocol.AttributeValues;
import io.dynamokit.engine.protocol.Json;
import io.dynamokit.engine.storage.IndexDefinition;
import io.dynamokit.engine.storage.IndexKey;
import io.dynamokit.engine.storage.KeySchema;
import io.dynamokit.engine.storage.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Reads one page of a SELECT from a table or index, as a Query of the partitions its WHERE fixes or as a Scan: entries
 * are read in order until Limit entries or 1 MB were read, the WHERE clause then decides which are returned. The
 * NextToken names the run (partition) and the key of the last entry read, bound to the statement and parameters that
 * made it. Run it under the storage read lock.
 */
public final class SelectExecutor {
    static final long MAX_PAGE_BYTES = 1024 * 1024;

    /** A page: the items, the NextToken (null at the end) and the bytes read from the table and from the index. */
    public record Page(List<Map<String, AttributeValue>> items, String nextToken, long tableBytes, long indexBytes) {
    }

    private SelectExecutor() {
    }

    /** What binds a NextToken to its statement: a digest of the statement and its parameters. */
    public static String binding(String statement, List<AttributeValue> parameters) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(statement.getBytes(StandardCharsets.UTF_8));
            digest.update(Json.write(parameters == null ? List.of() : parameters));
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static Page read(Ast.Select select, Table table, IndexDefinition index, Long limit, String nextToken,
            String binding) {
        KeySchema keys = index == null ? table.keySchema() : index.keySchema();
        List<AttributeValue> found = Planner.partitions(select.where(), keys.hashName());
        List<AttributeValue> partitions = found == null ? null : new ArrayList<>(found);
        boolean descending = order(select, keys, partitions);
        List<String> names = Planner.outputNames(select.paths());
        int run = 0;
        Map<String, AttributeValue> after = null;
        if (nextToken != null) {
            Map<String, Object> token = decode(nextToken, binding);
            run = ((Number) token.get("r")).intValue();
            after = AttributeValues.item(token.get("k"));
        }
        int runs = partitions == null ? 1 : partitions.size();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        long tableBytes = 0;
        long indexBytes = 0;
        long bytesRead = 0;
        long scanned = 0;
        boolean fetch = index != null && !index.global() && !index.projection().all();
        for (; run < runs; run++) {
            NavigableMap<Object, Map<String, AttributeValue>> entries = entries(table, index,
                    partitions == null ? null : partitions.get(run));
            if (descending) {
                entries = entries.descendingMap();
            }
            if (after != null) {
                entries = entries.tailMap(position(table, index, after), false);
                after = null;
            }
            for (Map<String, AttributeValue> entry : entries.values()) {
                long size = ItemSize.of(entry);
                bytesRead += size;
                scanned++;
                Map<String, AttributeValue> whole = entry;
                if (index == null) {
                    tableBytes += size;
                } else {
                    indexBytes += size;
                    if (fetch) {
                        Map<String, AttributeValue> item = table.get(table.keySchema().keyAttributes(entry));
                        if (item != null) {
                            whole = item;
                            tableBytes += ItemSize.of(item);
                        }
                    }
                }
                if (Evaluator.test(select.where(), whole)) {
                    items.add(select.paths().isEmpty() ? entry : Planner.project(select.paths(), names, whole));
                }
                if ((limit != null && scanned >= limit) || bytesRead >= MAX_PAGE_BYTES) {
                    return new Page(items, encode(binding, run, lastKey(table, index, entry)), tableBytes,
                            indexBytes);
                }
            }
        }
        return new Page(items, null, tableBytes, indexBytes);
    }

    /** Checks ORDER BY as DynamoDB does and orders the partitions; answers whether the sort key runs descending. */
    private static boolean order(Ast.Select select, KeySchema keys, List<AttributeValue> partitions) {
        if (select.orderBy().isEmpty()) {
            return false;
        }
        if (select.where() == null) {
            throw DynamoException.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
        }
        Boolean hashDescending = null;
        Boolean rangeDescending = null;
        for (Ast.Order order : select.orderBy()) {
            String name = order.path().first();
            if (order.path().elements().size() != 1 || !keys.isKeyAttribute(name)) {
                throw DynamoException.validation("Attribute " + name + " in ORDER BY clause must be part of the "
                        + "primary key");
            }
            if (name.equals(keys.hashName())) {
                hashDescending = order.descending();
            } else {
                rangeDescending = order.descending();
            }
        }
        if (partitions == null) {
            throw DynamoException.validation("Must have at least one non-optional hash key condition in WHERE clause "
                    + "when using ORDER BY clause.");
        }
        if (partitions.size() > 1 && hashDescending == null) {
            throw DynamoException.validation("Must have hash key in ORDER BY clause when more than one hash key "
                    + "condition specified in WHERE clause.");
        }
        if (hashDescending != null) {
            boolean reverse = hashDescending;
            partitions.sort((a, b) -> reverse ? KeyOrder.INSTANCE.compare(b, a) : KeyOrder.INSTANCE.compare(a, b));
        }
        return rangeDescending != null && rangeDescending;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static NavigableMap<Object, Map<String, AttributeValue>> entries(Table table, IndexDefinition index,
            AttributeValue partition) {
        NavigableMap map;
        if (index == null) {
            map = partition == null ? table.items() : table.partition(partition);
        } else {
            NavigableMap<IndexKey, Map<String, AttributeValue>> all = table.index(index.name()).entries();
            map = partition == null ? all : all.subMap(IndexKey.partitionStart(partition), true,
                    IndexKey.partitionEnd(partition), true);
        }
        return map;
    }

    private static Object position(Table table, IndexDefinition index, Map<String, AttributeValue> key) {
        Object position = index == null ? table.keySchema().keyOf(key)
                : index.keySchema().keyOf(key) == null || table.keySchema().keyOf(key) == null ? null
                        : new IndexKey(index.keySchema().keyOf(key), table.keySchema().keyOf(key));
        if (position == null) {
            throw DynamoException.validation("The provided starting key is invalid");
        }
        return position;
    }

    private static Map<String, AttributeValue> lastKey(Table table, IndexDefinition index,
            Map<String, AttributeValue> entry) {
        Map<String, AttributeValue> key = new LinkedHashMap<>(table.keySchema().keyAttributes(entry));
        if (index != null) {
            key.putAll(index.keySchema().keyAttributes(entry));
        }
        return key;
    }

    private static String encode(String binding, int run, Map<String, AttributeValue> key) {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("b", binding);
        token.put("r", run);
        token.put("k", key);
        return Base64.getEncoder().encodeToString(Json.write(token));
    }

    private static Map<String, Object> decode(String nextToken, String binding) {
        Map<String, Object> token;
        try {
            token = Json.parseObject(Base64.getDecoder().decode(nextToken));
        } catch (IllegalArgumentException | DynamoException e) {
            throw DynamoException.validation("Invalid NextToken");
        }
        if (!(token.get("r") instanceof Number) || !(token.get("k") instanceof Map) || !binding.equals(token.get("b"))) {
            throw DynamoException.validation("NextToken does not match request");
        }
        return token;
    }
}
