package io.dynamokit.engine.operations;

import static io.dynamokit.engine.operations.TableShapes.INVALID;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.IndexDefinition;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import io.dynamokit.engine.storage.TableMetadata;
import io.dynamokit.engine.storage.Throughput;
import io.dynamokit.engine.storage.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable: throughput, billing mode, global index create (back-filled from the table's items) / update /
 * delete, stream specification, SSE, table class and deletion protection.
 */
final class UpdateTable implements Operation {
    private final Storage storage;

    UpdateTable(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String name = request.string("TableName");
        List<Map<String, Object>> definitionList = request.structs("AttributeDefinitions");
        Map<String, Object> throughput = request.struct("ProvisionedThroughput");
        List<Map<String, Object>> gsiUpdates = request.structs("GlobalSecondaryIndexUpdates");
        Map<String, Object> stream = request.struct("StreamSpecification");
        Map<String, Object> sse = request.struct("SSESpecification");
        String billingMode = request.string("BillingMode");
        String tableClass = request.string("TableClass");
        Boolean deletionProtection = request.bool("DeletionProtectionEnabled");

        Constraints.required("TableName", name);
        Constraints c = new Constraints();
        TableShapes.checkDefinitions(c, definitionList);
        c.name("tableName", name);
        TableShapes.checkThroughput(c, "provisionedThroughput", throughput);
        c.oneOf("billingMode", billingMode, "PROVISIONED", "PAY_PER_REQUEST");
        c.oneOf("tableClass", tableClass, "STANDARD", "STANDARD_INFREQUENT_ACCESS");
        checkIndexUpdateShapes(c, gsiUpdates);
        c.check();
        if (throughput == null && gsiUpdates == null && stream == null && sse == null && billingMode == null
                && tableClass == null && deletionProtection == null && !request.has("ReplicaUpdates")) {
            throw DynamoException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        TableShapes.checkUnitBounds(throughput);

        return storage.write(mutation -> {
            Table table = DescribeTable.existing(storage, name);
            TableMetadata current = table.metadata();
            Instant now = storage.now();
            String status = current.status(now);
            if (!status.equals("ACTIVE")) {
                throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table is "
                        + "being " + (status.equals("CREATING") ? "created" : status.equals("DELETING") ? "deleted"
                                : "updated") + ": " + name);
            }
            TableMetadata updated = billing(current, billingMode, throughput, now);
            updated = indexes(updated, gsiUpdates, TableShapes.definitions(definitionList), now);
            updated = updated.withStream(streamUpdate(current, stream, request.region(), now));
            updated = updated.withSettings(sse == null ? current.sse() : CreateTable.sseSpec(sse),
                    tableClass == null ? current.tableClass() : tableClass,
                    deletionProtection == null ? current.deletionProtection() : deletionProtection);
            Transition updating = storage.transition("UPDATING");
            if (updating != null && (throughput != null || gsiUpdates != null || billingMode != null
                    || stream != null)) {
                updated = updated.withTransition(updating);
            }
            mutation.updateTable(updated);
            Map<String, Object> description = TableDescriptions.describe(table, now);
            Map<String, Object> after = TableDescriptions.describe(updated, table.itemCount(), table.sizeBytes(),
                    Map.of(), now);
            after.put("TableSizeBytes", description.get("TableSizeBytes"));
            after.put("ItemCount", description.get("ItemCount"));
            after.put("TableStatus", "UPDATING");
            return Map.of("TableDescription", after);
        });
    }

    private static void checkIndexUpdateShapes(Constraints c, List<Map<String, Object>> updates) {
        if (updates == null) {
            return;
        }
        for (int i = 0; i < updates.size(); i++) {
            Map<String, Object> update = updates.get(i);
            String member = "globalSecondaryIndexUpdates." + (i + 1) + ".member";
            Map<String, Object> create = Nodes.struct(update.get("Create"));
            Map<String, Object> change = Nodes.struct(update.get("Update"));
            Map<String, Object> delete = Nodes.struct(update.get("Delete"));
            if (create != null) {
                String path = member + ".create";
                String indexName = Nodes.string(create.get("IndexName"));
                c.notNull(path + ".indexName", indexName).name(path + ".indexName", indexName);
                TableShapes.checkKeySchema(c, path + ".keySchema",
                        TableShapes.structs(Nodes.list(create.get("KeySchema"))), true);
                TableShapes.checkProjection(c, path + ".projection", Nodes.struct(create.get("Projection")));
                TableShapes.checkThroughput(c, path + ".provisionedThroughput",
                        Nodes.struct(create.get("ProvisionedThroughput")));
            }
            if (change != null) {
                String path = member + ".update";
                String indexName = Nodes.string(change.get("IndexName"));
                c.notNull(path + ".indexName", indexName).name(path + ".indexName", indexName);
                Map<String, Object> units = Nodes.struct(change.get("ProvisionedThroughput"));
                c.notNull(path + ".provisionedThroughput", units);
                TableShapes.checkThroughput(c, path + ".provisionedThroughput", units);
            }
            if (delete != null) {
                String indexName = Nodes.string(delete.get("IndexName"));
                c.notNull(member + ".delete.indexName", indexName).name(member + ".delete.indexName", indexName);
            }
        }
    }

    private static TableMetadata billing(TableMetadata table, String billingMode, Map<String, Object> throughput,
            Instant now) {
        String mode = billingMode == null ? table.billingMode() : billingMode;
        boolean onDemand = mode.equals("PAY_PER_REQUEST");
        if (onDemand && throughput != null) {
            throw DynamoException.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                    + "specified when BillingMode is PAY_PER_REQUEST");
        }
        if (onDemand) {
            if (table.onDemand()) {
                return table;
            }
            List<IndexDefinition> gsis = new ArrayList<>();
            for (IndexDefinition gsi : table.globalIndexes()) {
                gsis.add(gsi.withThroughput(Throughput.ON_DEMAND));
            }
            return table.withBilling(mode, Throughput.ON_DEMAND, now)
                    .withGlobalIndexes(gsis, table.attributeDefinitions());
        }
        if (table.onDemand()) {
            if (throughput == null) {
                throw DynamoException.validation(INVALID + "ProvisionedThroughput must be specified when "
                        + "BillingMode is PROVISIONED");
            }
            Throughput units = CreateTable.throughput(throughput);
            List<IndexDefinition> gsis = new ArrayList<>();
            for (IndexDefinition gsi : table.globalIndexes()) {
                gsis.add(gsi.withThroughput(units));
            }
            return table.withBilling(mode, units, now).withGlobalIndexes(gsis, table.attributeDefinitions());
        }
        if (throughput == null) {
            return table;
        }
        long read = Nodes.integer(throughput.get("ReadCapacityUnits"));
        long write = Nodes.integer(throughput.get("WriteCapacityUnits"));
        Throughput currentUnits = table.throughput();
        if (read == currentUnits.readCapacityUnits() && write == currentUnits.writeCapacityUnits()) {
            throw DynamoException.validation("The provisioned throughput for the table will not change. The requested "
                    + "value equals the current value. Current ReadCapacityUnits provisioned for the table: "
                    + currentUnits.readCapacityUnits() + ". Requested ReadCapacityUnits: " + read + ". Current "
                    + "WriteCapacityUnits provisioned for the table: " + currentUnits.writeCapacityUnits()
                    + ". Requested WriteCapacityUnits: " + write + ". Refer to the Amazon DynamoDB Developer Guide "
                    + "for current limits and how to request higher limits.");
        }
        return table.withBilling(table.billingMode(), currentUnits.changedTo(read, write, now),
                table.billingModeChangedAt());
    }

    private TableMetadata indexes(TableMetadata table, List<Map<String, Object>> updates,
            Map<String, String> requestDefinitions, Instant now) {
        if (updates == null) {
            return table;
        }
        Map<String, String> definitions = new LinkedHashMap<>(table.attributeDefinitions());
        definitions.putAll(requestDefinitions);
        List<IndexDefinition> gsis = new ArrayList<>(table.globalIndexes());
        int createdOrDeleted = 0;
        for (Map<String, Object> update : updates) {
            Map<String, Object> create = Nodes.struct(update.get("Create"));
            Map<String, Object> change = Nodes.struct(update.get("Update"));
            Map<String, Object> delete = Nodes.struct(update.get("Delete"));
            if (create != null) {
                String indexName = (String) create.get("IndexName");
                if (table.index(indexName) != null) {
                    throw DynamoException.validation("Attempting to create an index which already exists");
                }
                Set<String> names = new HashSet<>();
                gsis.forEach(g -> names.add(g.name()));
                gsis.add(CreateTable.globalIndex(create, definitions, names, table.onDemand(),
                        storage.transition("CREATING")));
                createdOrDeleted++;
            } else if (change != null) {
                String indexName = (String) change.get("IndexName");
                int position = position(gsis, indexName);
                if (table.onDemand()) {
                    throw DynamoException.validation(INVALID + "ProvisionedThroughput should not be specified for "
                            + "index: " + indexName + " when BillingMode is PAY_PER_REQUEST");
                }
                Map<String, Object> units = Nodes.struct(change.get("ProvisionedThroughput"));
                TableShapes.checkUnitBounds(units);
                IndexDefinition gsi = gsis.get(position);
                gsis.set(position, gsi.withThroughput(gsi.throughput().changedTo(
                        Nodes.integer(units.get("ReadCapacityUnits")), Nodes.integer(units.get("WriteCapacityUnits")),
                        now)));
            } else if (delete != null) {
                gsis.remove(position(gsis, (String) delete.get("IndexName")));
                createdOrDeleted++;
            } else {
                throw DynamoException.validation(INVALID + "One of GlobalSecondaryIndexUpdate.Create, "
                        + "GlobalSecondaryIndexUpdate.Update or GlobalSecondaryIndexUpdate.Delete must be specified");
            }
        }
        if (createdOrDeleted > 1) {
            throw DynamoException.limitExceeded("Subscriber limit exceeded: Only 1 online index can be created or "
                    + "deleted simultaneously per table");
        }
        return table.withGlobalIndexes(gsis, usedDefinitions(table, gsis, definitions));
    }

    private static int position(List<IndexDefinition> gsis, String indexName) {
        for (int i = 0; i < gsis.size(); i++) {
            if (gsis.get(i).name().equals(indexName)) {
                return i;
            }
        }
        throw DynamoException.resourceNotFound("Requested resource not found");
    }

    /** The definitions still used by a key of the table or one of its indexes (DynamoDB drops the others). */
    private static Map<String, String> usedDefinitions(TableMetadata table, List<IndexDefinition> gsis,
            Map<String, String> definitions) {
        Set<String> used = new HashSet<>();
        used.add(table.keySchema().hashName());
        used.add(table.keySchema().rangeName());
        for (IndexDefinition index : table.localIndexes()) {
            used.add(index.keySchema().hashName());
            used.add(index.keySchema().rangeName());
        }
        for (IndexDefinition index : gsis) {
            used.add(index.keySchema().hashName());
            used.add(index.keySchema().rangeName());
        }
        Map<String, String> result = new LinkedHashMap<>();
        definitions.forEach((attribute, type) -> {
            if (used.contains(attribute)) {
                result.put(attribute, type);
            }
        });
        return result;
    }

    private static TableMetadata.StreamSpec streamUpdate(TableMetadata table, Map<String, Object> stream,
            String region, Instant now) {
        if (stream == null) {
            return table.stream();
        }
        boolean enable = Boolean.TRUE.equals(Nodes.bool(stream.get("StreamEnabled")));
        boolean enabled = table.stream() != null && table.stream().enabled();
        if (enable && enabled) {
            throw DynamoException.validation("Table already has an enabled stream: " + table.arn());
        }
        if (!enable && !enabled) {
            throw DynamoException.validation("Table already has no enabled stream: " + table.arn());
        }
        return Streams.spec(stream, table.stream(), table.name(), region, now);
    }
}
