package io.dynamokit.engine.operations;

import io.dynamokit.engine.storage.Index;
import io.dynamokit.engine.storage.IndexDefinition;
import io.dynamokit.engine.storage.KeySchema;
import io.dynamokit.engine.storage.Projection;
import io.dynamokit.engine.storage.Table;
import io.dynamokit.engine.storage.TableMetadata;
import io.dynamokit.engine.storage.Throughput;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The TableDescription DynamoDB returns from CreateTable, DescribeTable, UpdateTable and DeleteTable. */
final class TableDescriptions {
    private TableDescriptions() {
    }

    /** The description of a table as it is now: statuses from the clock, item counts and sizes from storage. */
    static Map<String, Object> describe(Table table, Instant now) {
        Map<String, long[]> indexCounts = new LinkedHashMap<>();
        for (Index index : table.indexes()) {
            indexCounts.put(index.definition().name(), new long[] {index.itemCount(), index.sizeBytes()});
        }
        return describe(table.metadata(), table.itemCount(), table.sizeBytes(), indexCounts, now);
    }

    static Map<String, Object> describe(TableMetadata table, long itemCount, long sizeBytes,
            Map<String, long[]> indexCounts, Instant now) {
        Map<String, Object> d = new LinkedHashMap<>();
        List<Object> definitions = new ArrayList<>();
        table.attributeDefinitions().forEach((name, type) -> definitions.add(ordered(
                "AttributeName", name, "AttributeType", type)));
        d.put("AttributeDefinitions", definitions);
        d.put("TableName", table.name());
        d.put("KeySchema", keySchema(table.keySchema()));
        d.put("TableStatus", table.status(now));
        d.put("CreationDateTime", seconds(table.createdAt()));
        d.put("ProvisionedThroughput", throughput(table.throughput()));
        d.put("TableSizeBytes", sizeBytes);
        d.put("ItemCount", itemCount);
        d.put("TableArn", table.arn());
        d.put("TableId", table.id());
        if (table.billingModeChangedAt() != null) {
            Map<String, Object> billing = new LinkedHashMap<>();
            billing.put("BillingMode", table.billingMode());
            if (table.onDemand()) {
                billing.put("LastUpdateToPayPerRequestDateTime", seconds(table.billingModeChangedAt()));
            }
            d.put("BillingModeSummary", billing);
        }
        if (!table.localIndexes().isEmpty()) {
            List<Object> lsis = new ArrayList<>();
            for (IndexDefinition index : table.localIndexes()) {
                Map<String, Object> lsi = index(table, index, indexCounts);
                lsis.add(lsi);
            }
            d.put("LocalSecondaryIndexes", lsis);
        }
        if (!table.globalIndexes().isEmpty()) {
            List<Object> gsis = new ArrayList<>();
            for (IndexDefinition index : table.globalIndexes()) {
                Map<String, Object> gsi = index(table, index, indexCounts);
                String status = index.status(now);
                gsi.put("IndexStatus", status);
                if (status.equals("CREATING")) {
                    gsi.put("Backfilling", Boolean.FALSE);
                }
                gsi.put("ProvisionedThroughput", throughput(index.throughput()));
                if (table.onDemand()) {
                    gsi.put("OnDemandThroughput", ordered("MaxReadRequestUnits", -1, "MaxWriteRequestUnits", -1));
                }
                gsis.add(gsi);
            }
            d.put("GlobalSecondaryIndexes", gsis);
        }
        TableMetadata.StreamSpec stream = table.stream();
        if (stream != null && stream.enabled()) {
            d.put("StreamSpecification", ordered("StreamEnabled", true, "StreamViewType", stream.viewType()));
        }
        if (stream != null && stream.label() != null) {
            d.put("LatestStreamLabel", stream.label());
            d.put("LatestStreamArn", stream.arn());
        }
        if (table.sse() != null) {
            String region = table.arn().split(":")[3];
            String key = table.sse().kmsKeyArn() != null && table.sse().kmsKeyArn().startsWith("arn:")
                    ? table.sse().kmsKeyArn()
                    : "arn:aws:kms:" + region + ":000000000000:key/"
                            + (table.sse().kmsKeyArn() == null ? "dynamodb-owned" : table.sse().kmsKeyArn());
            d.put("SSEDescription", ordered("Status", "ENABLED", "SSEType", "KMS", "KMSMasterKeyArn", key));
        }
        if (table.tableClass() != null) {
            d.put("TableClassSummary", ordered("TableClass", table.tableClass()));
        }
        if (table.onDemand()) {
            d.put("OnDemandThroughput", ordered("MaxReadRequestUnits", -1, "MaxWriteRequestUnits", -1));
        }
        d.put("DeletionProtectionEnabled", table.deletionProtection());
        return d;
    }

    /** Sets the status of every global index of a description (CreateTable answers CREATING). */
    @SuppressWarnings("unchecked")
    static void markIndexes(Map<String, Object> description, String status) {
        Object gsis = description.get("GlobalSecondaryIndexes");
        if (gsis instanceof List<?> list) {
            for (Object gsi : list) {
                ((Map<String, Object>) gsi).put("IndexStatus", status);
            }
        }
    }

    private static Map<String, Object> index(TableMetadata table, IndexDefinition index,
            Map<String, long[]> indexCounts) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("IndexName", index.name());
        d.put("KeySchema", keySchema(index.keySchema()));
        d.put("Projection", projection(index.projection()));
        long[] counts = indexCounts.getOrDefault(index.name(), new long[2]);
        d.put("IndexSizeBytes", counts[1]);
        d.put("ItemCount", counts[0]);
        d.put("IndexArn", table.arn() + "/index/" + index.name());
        return d;
    }

    static List<Object> keySchema(KeySchema keys) {
        List<Object> list = new ArrayList<>();
        list.add(ordered("AttributeName", keys.hashName(), "KeyType", "HASH"));
        if (keys.hasRange()) {
            list.add(ordered("AttributeName", keys.rangeName(), "KeyType", "RANGE"));
        }
        return list;
    }

    private static Map<String, Object> projection(Projection projection) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ProjectionType", projection.type());
        if (projection.nonKeyAttributes() != null) {
            d.put("NonKeyAttributes", projection.nonKeyAttributes());
        }
        return d;
    }

    private static Map<String, Object> throughput(Throughput throughput) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (throughput.lastIncrease() != null) {
            d.put("LastIncreaseDateTime", seconds(throughput.lastIncrease()));
        }
        if (throughput.lastDecrease() != null) {
            d.put("LastDecreaseDateTime", seconds(throughput.lastDecrease()));
        }
        d.put("NumberOfDecreasesToday", throughput.decreasesToday());
        d.put("ReadCapacityUnits", throughput.readCapacityUnits());
        d.put("WriteCapacityUnits", throughput.writeCapacityUnits());
        return d;
    }

    /** Epoch seconds with milliseconds, as DynamoDB writes timestamps. */
    static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
