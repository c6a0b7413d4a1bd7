package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.AttributePath;
import io.dynamokit.engine.expressions.ConditionExpression;
import io.dynamokit.engine.expressions.ProjectionExpression;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.storage.IndexDefinition;
import io.dynamokit.engine.storage.ItemSizes;
import io.dynamokit.engine.storage.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One page of a Query or Scan, read as DynamoDB reads it: entries are evaluated in order until Limit entries or
 * 1 MB of them were read; the filter then decides which of them are returned (Count) among those read
 * (ScannedCount); LastEvaluatedKey is the key of the last entry read, with the index's key attributes for an index.
 * A local secondary index fetches the table's item when the request needs attributes the index does not project;
 * a global one never does. Consumed capacity is the size of what was read, in 4 KB units, halved for an eventually
 * consistent read. Run it under the storage read lock.
 */
final class PageReader {
    /** DynamoDB stops a page once it has read 1 MB. */
    static final long MAX_PAGE_BYTES = 1024 * 1024;

    private final Table table;
    private final IndexDefinition index;
    private final String select;
    private final ProjectionExpression projection;
    private final ConditionExpression filter;
    private final Long limit;
    private final boolean consistentRead;
    private final String returnConsumedCapacity;
    private final boolean fetchFromTable;

    PageReader(Table table, IndexDefinition index, String select, ProjectionExpression projection,
            ConditionExpression filter, Long limit, boolean consistentRead, String returnConsumedCapacity) {
        this.table = table;
        this.index = index;
        this.select = select;
        this.projection = projection;
        this.filter = filter;
        this.limit = limit;
        this.consistentRead = consistentRead;
        this.returnConsumedCapacity = returnConsumedCapacity;
        this.fetchFromTable = index != null && !index.global() && !index.projection().all() && needsTableItem();
    }

    private boolean needsTableItem() {
        if (select.equals(ReadRequests.ALL_ATTRIBUTES)) {
            return true;
        }
        Set<String> projected = projectedNames();
        if (projection != null) {
            for (AttributePath path : projection.paths()) {
                if (!projected.contains(path.topLevel())) {
                    return true;
                }
            }
        }
        if (filter != null) {
            for (String name : filter.topLevelAttributes()) {
                if (!projected.contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Set<String> projectedNames() {
        Set<String> names = new HashSet<>(ReadRequests.startKeyNames(table.keySchema(), index));
        if (index.projection().nonKeyAttributes() != null) {
            names.addAll(index.projection().nonKeyAttributes());
        }
        return names;
    }

    /**
     * Reads a page from {@code entries} (table items or index entries, in the order to read them). With
     * {@code inRange}, entries outside it are passed over until the first one inside, and the page ends at the first
     * one outside after that: a Query's sort key condition selects one contiguous run of its partition.
     */
    Map<String, Object> read(Iterable<Map<String, AttributeValue>> entries,
            Predicate<Map<String, AttributeValue>> inRange) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        boolean countOnly = select.equals(ReadRequests.COUNT);
        long bytesRead = 0;
        long tableBytes = 0;
        long indexBytes = 0;
        int scanned = 0;
        int count = 0;
        boolean inRun = false;
        Map<String, AttributeValue> lastEvaluated = null;
        for (Map<String, AttributeValue> entry : entries) {
            if (inRange != null) {
                if (!inRange.test(entry)) {
                    if (inRun) {
                        break;
                    }
                    continue;
                }
                inRun = true;
            }
            long size = ItemSizes.of(entry);
            bytesRead += size;
            scanned++;
            Map<String, AttributeValue> whole = entry;
            if (index == null) {
                tableBytes += size;
            } else {
                indexBytes += size;
                if (fetchFromTable) {
                    Map<String, AttributeValue> item = table.get(table.keySchema().keyAttributes(entry));
                    if (item != null) {
                        whole = item;
                        tableBytes += ItemSizes.of(item);
                    }
                }
            }
            if (filter == null || filter.test(whole)) {
                count++;
                if (!countOnly) {
                    items.add(output(entry, whole));
                }
            }
            if ((limit != null && scanned >= limit) || bytesRead >= MAX_PAGE_BYTES) {
                lastEvaluated = entry;
                break;
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (!countOnly) {
            answer.put("Items", items);
        }
        answer.put("Count", count);
        answer.put("ScannedCount", scanned);
        if (lastEvaluated != null) {
            answer.put("LastEvaluatedKey", lastEvaluatedKey(lastEvaluated));
        }
        Map<String, Object> capacity = consumedCapacity(tableBytes, indexBytes);
        if (capacity != null) {
            answer.put("ConsumedCapacity", capacity);
        }
        return answer;
    }

    private Map<String, AttributeValue> output(Map<String, AttributeValue> entry, Map<String, AttributeValue> whole) {
        if (projection != null) {
            return projection.apply(whole);
        }
        return select.equals(ReadRequests.ALL_ATTRIBUTES) ? whole : entry;
    }

    private Map<String, AttributeValue> lastEvaluatedKey(Map<String, AttributeValue> entry) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : ReadRequests.startKeyNames(table.keySchema(), index)) {
            key.put(name, entry.get(name));
        }
        return key;
    }

    private Map<String, Object> consumedCapacity(long tableBytes, long indexBytes) {
        if (returnConsumedCapacity == null || returnConsumedCapacity.equals("NONE")) {
            return null;
        }
        double tableUnits = index == null || tableBytes > 0 ? readUnits(tableBytes, consistentRead) : 0.0;
        double indexUnits = index == null ? 0.0 : readUnits(indexBytes, consistentRead);
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("TableName", table.name());
        capacity.put("CapacityUnits", tableUnits + indexUnits);
        if (returnConsumedCapacity.equals("INDEXES")) {
            capacity.put("Table", Map.of("CapacityUnits", tableUnits));
            if (index != null) {
                capacity.put(index.global() ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes",
                        Map.of(index.name(), Map.of("CapacityUnits", indexUnits)));
            }
        }
        return capacity;
    }

    /** Read capacity of one request that read {@code bytes}: 4 KB units, at least one, halved when eventual. */
    static double readUnits(long bytes, boolean consistentRead) {
        long units = Math.max(1, (bytes + 4095) / 4096);
        return consistentRead ? units : units / 2.0;
    }
}
