package io.dynamokit.engine.operations;

import static io.dynamokit.engine.operations.TableShapes.INVALID;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.IndexDefinition;
import io.dynamokit.engine.storage.KeySchema;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.TableMetadata;
import io.dynamokit.engine.storage.Throughput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** CreateTable, with DynamoDB's checks in its order: shape constraints, billing, keys, indexes, then existence. */
final class CreateTable implements Operation {
    private final Storage storage;

    CreateTable(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String tableName = request.string("TableName");
        List<Map<String, Object>> definitionList = request.structs("AttributeDefinitions");
        List<Map<String, Object>> keySchema = request.structs("KeySchema");
        List<Map<String, Object>> lsis = request.structs("LocalSecondaryIndexes");
        List<Map<String, Object>> gsis = request.structs("GlobalSecondaryIndexes");
        Map<String, Object> throughput = request.struct("ProvisionedThroughput");
        Map<String, Object> stream = request.struct("StreamSpecification");
        Map<String, Object> sse = request.struct("SSESpecification");
        List<Map<String, Object>> tags = request.structs("Tags");
        String billingMode = request.string("BillingMode");
        String tableClass = request.string("TableClass");
        boolean deletionProtection = request.isTrue("DeletionProtectionEnabled");

        Constraints.required("TableName", tableName);
        Constraints c = new Constraints();
        c.notNull("attributeDefinitions", definitionList);
        TableShapes.checkDefinitions(c, definitionList);
        c.name("tableName", tableName);
        TableShapes.checkThroughput(c, "provisionedThroughput", throughput);
        TableShapes.checkKeySchema(c, "keySchema", keySchema, true);
        checkIndexShapes(c, "localSecondaryIndexes", lsis, false);
        checkIndexShapes(c, "globalSecondaryIndexes", gsis, true);
        c.oneOf("billingMode", billingMode, "PROVISIONED", "PAY_PER_REQUEST");
        c.oneOf("tableClass", tableClass, "STANDARD", "STANDARD_INFREQUENT_ACCESS");
        if (stream != null) {
            c.notNull("streamSpecification.streamEnabled", Nodes.bool(stream.get("StreamEnabled")));
            c.oneOf("streamSpecification.streamViewType", Nodes.string(stream.get("StreamViewType")), "NEW_IMAGE",
                    "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");
        }
        if (sse != null) {
            c.oneOf("sSESpecification.sSEType", Nodes.string(sse.get("SSEType")), "AES256", "KMS");
        }
        Tagging.checkShape(c, "tags", tags);
        c.check();

        boolean onDemand = "PAY_PER_REQUEST".equals(billingMode);
        checkBilling(onDemand, throughput);
        Map<String, String> definitions = TableShapes.definitions(definitionList);
        TableShapes.checkKeys(keySchema, definitions, true);
        if (lsis == null && gsis == null && keySchema.size() != definitionList.size()) {
            throw DynamoException.validation(INVALID + "Number of attributes in KeySchema does not exactly match "
                    + "number of attributes defined in AttributeDefinitions");
        }
        KeySchema tableKeys = TableShapes.keySchema(keySchema, definitions);
        Set<String> indexNames = new HashSet<>();
        List<IndexDefinition> localIndexes = localIndexes(lsis, definitions, tableKeys, indexNames);
        List<IndexDefinition> globalIndexes = globalIndexes(gsis, definitions, indexNames, onDemand);
        checkAllDefinitionsUsed(definitions, keySchema, lsis, gsis);
        checkProjectedAttributes(localIndexes, globalIndexes);
        TableMetadata.StreamSpec streamSpec = Streams.spec(stream, null, tableName, request.region(), storage.now());
        Map<String, String> tagMap = Tagging.tags(tags);

        Instant now = storage.now();
        String arn = "arn:aws:dynamodb:" + request.region() + ":000000000000:table/" + tableName;
        TableMetadata metadata = new TableMetadata(tableName, UUID.randomUUID().toString(), arn, tableKeys,
                definitions, localIndexes, globalIndexes, onDemand ? "PAY_PER_REQUEST" : "PROVISIONED",
                onDemand ? Throughput.ON_DEMAND : throughput(throughput), streamSpec, sseSpec(sse), tableClass,
                deletionProtection, tagMap, now, onDemand ? now : null, storage.transition("CREATING"));
        storage.write(mutation -> {
            if (storage.find(tableName) != null) {
                throw DynamoException.resourceInUse("Table already exists: " + tableName);
            }
            mutation.createTable(metadata);
            return null;
        });
        Map<String, Object> description = TableDescriptions.describe(metadata, 0, 0, Map.of(), storage.now());
        description.put("TableStatus", "CREATING");
        TableDescriptions.markIndexes(description, "CREATING");
        return Map.of("TableDescription", description);
    }

    private static void checkIndexShapes(Constraints c, String path, List<Map<String, Object>> indexes,
            boolean global) {
        if (indexes == null) {
            return;
        }
        for (int i = 0; i < indexes.size(); i++) {
            Map<String, Object> index = indexes.get(i);
            String member = path + "." + (i + 1) + ".member";
            TableShapes.checkKeySchema(c, member + ".keySchema", TableShapes.structs(Nodes.list(index.get("KeySchema"))),
                    false);
            TableShapes.checkProjection(c, member + ".projection", Nodes.struct(index.get("Projection")));
            String name = Nodes.string(index.get("IndexName"));
            c.notNull(member + ".indexName", name).name(member + ".indexName", name);
            if (global) {
                TableShapes.checkThroughput(c, member + ".provisionedThroughput",
                        Nodes.struct(index.get("ProvisionedThroughput")));
            }
        }
    }

    private static void checkBilling(boolean onDemand, Map<String, Object> throughput) {
        if (onDemand && throughput != null) {
            throw DynamoException.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                    + "specified when BillingMode is PAY_PER_REQUEST");
        }
        if (!onDemand && throughput == null) {
            throw DynamoException.validation(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be "
                    + "specified when BillingMode is PROVISIONED");
        }
        TableShapes.checkUnitBounds(throughput);
    }

    private static List<IndexDefinition> localIndexes(List<Map<String, Object>> lsis, Map<String, String> definitions,
            KeySchema tableKeys, Set<String> names) {
        List<IndexDefinition> result = new ArrayList<>();
        if (lsis == null) {
            return result;
        }
        if (lsis.isEmpty()) {
            throw DynamoException.validation(INVALID + "List of LocalSecondaryIndexes is empty");
        }
        if (!tableKeys.hasRange()) {
            throw DynamoException.validation(INVALID + "Table KeySchema does not have a range key, which is required "
                    + "when specifying a LocalSecondaryIndex");
        }
        for (Map<String, Object> lsi : lsis) {
            String name = (String) lsi.get("IndexName");
            List<Map<String, Object>> keys = TableShapes.structs(Nodes.list(lsi.get("KeySchema")));
            TableShapes.checkKeys(keys, definitions, false);
            if (keys.size() != 2) {
                throw DynamoException.validation(
                        INVALID + "Index KeySchema does not have a range key for index: " + name);
            }
            String indexHash = (String) keys.get(0).get("AttributeName");
            if (!indexHash.equals(tableKeys.hashName())) {
                throw DynamoException.validation(INVALID + "Index KeySchema does not have the same leading hash key "
                        + "as table KeySchema for index: " + name + ". index hash key: " + indexHash
                        + ", table hash key: " + tableKeys.hashName());
            }
            var projection = TableShapes.projection(Nodes.struct(lsi.get("Projection")));
            if (!names.add(name)) {
                throw DynamoException.validation(INVALID + "Duplicate index name: " + name);
            }
            result.add(new IndexDefinition(name, false, TableShapes.keySchema(keys, definitions), projection,
                    Throughput.ON_DEMAND, null));
        }
        if (lsis.size() > 5) {
            throw DynamoException.validation(
                    INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
        }
        return result;
    }

    private List<IndexDefinition> globalIndexes(List<Map<String, Object>> gsis, Map<String, String> definitions,
            Set<String> names, boolean onDemand) {
        List<IndexDefinition> result = new ArrayList<>();
        if (gsis == null) {
            return result;
        }
        if (gsis.isEmpty()) {
            throw DynamoException.validation(INVALID + "List of GlobalSecondaryIndexes is empty");
        }
        // a table's indexes are built with it: CREATING as long as the table is
        for (Map<String, Object> gsi : gsis) {
            result.add(globalIndex(gsi, definitions, names, onDemand, storage.transition("CREATING")));
        }
        if (gsis.size() > 20) {
            throw DynamoException.validation(
                    INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
        }
        return result;
    }

    /** A global index of a CreateTable or of an UpdateTable's Create, checked as DynamoDB checks it. */
    static IndexDefinition globalIndex(Map<String, Object> gsi, Map<String, String> definitions, Set<String> names,
            boolean onDemand, io.dynamokit.engine.storage.Transition transition) {
        String name = (String) gsi.get("IndexName");
        List<Map<String, Object>> keys = TableShapes.structs(Nodes.list(gsi.get("KeySchema")));
        TableShapes.checkKeys(keys, definitions, false);
        var projection = TableShapes.projection(Nodes.struct(gsi.get("Projection")));
        if (!names.add(name)) {
            throw DynamoException.validation(INVALID + "Duplicate index name: " + name);
        }
        Map<String, Object> throughput = Nodes.struct(gsi.get("ProvisionedThroughput"));
        if (onDemand && throughput != null) {
            throw DynamoException.validation(INVALID + "ProvisionedThroughput should not be specified for index: "
                    + name + " when BillingMode is PAY_PER_REQUEST");
        }
        if (!onDemand && throughput == null) {
            throw DynamoException.validation(INVALID + "ProvisionedThroughput must be specified for index: " + name);
        }
        TableShapes.checkUnitBounds(throughput);
        return new IndexDefinition(name, true, TableShapes.keySchema(keys, definitions), projection,
                onDemand ? Throughput.ON_DEMAND : throughput(throughput), transition);
    }

    private static void checkAllDefinitionsUsed(Map<String, String> definitions, List<Map<String, Object>> keySchema,
            List<Map<String, Object>> lsis, List<Map<String, Object>> gsis) {
        Set<String> used = new LinkedHashSet<>(TableShapes.keyNames(keySchema));
        for (List<Map<String, Object>> indexes : java.util.Arrays.asList(lsis, gsis)) {
            if (indexes != null) {
                for (Map<String, Object> index : indexes) {
                    used.addAll(TableShapes.keyNames(TableShapes.structs(Nodes.list(index.get("KeySchema")))));
                }
            }
        }
        if (!used.containsAll(definitions.keySet()) || used.size() != definitions.size()) {
            throw DynamoException.validation(INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: "
                    + new ArrayList<>(definitions.keySet()) + ", keys used: " + new ArrayList<>(used));
        }
    }

    private static void checkProjectedAttributes(List<IndexDefinition> lsis, List<IndexDefinition> gsis) {
        int count = 0;
        for (List<IndexDefinition> indexes : List.of(lsis, gsis)) {
            for (IndexDefinition index : indexes) {
                if (index.projection().nonKeyAttributes() != null) {
                    count += index.projection().nonKeyAttributes().size();
                }
            }
        }
        if (count > 100) {
            throw DynamoException.validation(INVALID + "The number of projected attributes across all secondary indexes exceeds the limit of 100");
        }
    }

    static Throughput throughput(Map<String, Object> throughput) {
        return Throughput.of(Nodes.integer(throughput.get("ReadCapacityUnits")),
                Nodes.integer(throughput.get("WriteCapacityUnits")));
    }

    static TableMetadata.SseSpec sseSpec(Map<String, Object> sse) {
        if (sse == null || !Boolean.TRUE.equals(Nodes.bool(sse.get("Enabled")))) {
            return null;
        }
        String type = Nodes.string(sse.get("SSEType"));
        String key = Nodes.string(sse.get("KMSMasterKeyId"));
        return new TableMetadata.SseSpec(true, type == null ? "KMS" : type, key);
    }
}
