package io.dynamokit.runtime.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * A declared table, checked and complete: defaults applied, names with prefix and suffix, indexes sorted by name.
 *
 * @param declaredName the key under {@code quarkus.dynamokit.tables}
 * @param tableName the name in DynamoDB
 * @param rangeKey null when the table has a hash key only
 * @param readCapacityUnits 0 for an on-demand table
 * @param stream null for no stream
 * @param timeToLiveAttribute null when time to live is off
 */
public record TableDefinition(String declaredName, String tableName, KeyAttribute hashKey, KeyAttribute rangeKey,
        BillingMode billingMode, long readCapacityUnits, long writeCapacityUnits, List<IndexDefinition> globalIndexes,
        List<IndexDefinition> localIndexes, StreamViewType stream, String timeToLiveAttribute,
        SortedMap<String, String> tags, boolean deletionProtection, TableClass tableClass) {

    /** A key attribute: its name and type. */
    public record KeyAttribute(String name, ScalarAttributeType type) {

        @Override
        public String toString() {
            return name + ":" + type;
        }
    }

    /**
     * A secondary index. For a local index the hash key is the table's.
     *
     * @param rangeKey null when the index has a hash key only
     * @param nonKeyAttributes sorted; empty unless the projection is {@code INCLUDE}
     * @param readCapacityUnits 0 on an on-demand table and for local indexes
     */
    public record IndexDefinition(String name, KeyAttribute hashKey, KeyAttribute rangeKey, ProjectionType projection,
            List<String> nonKeyAttributes, long readCapacityUnits, long writeCapacityUnits) {

        List<KeySchemaElement> keySchema() {
            return TableDefinition.keySchema(hashKey, rangeKey);
        }

        Projection sdkProjection() {
            Projection.Builder projection = Projection.builder().projectionType(this.projection);
            if (!nonKeyAttributes.isEmpty()) {
                projection.nonKeyAttributes(nonKeyAttributes);
            }
            return projection.build();
        }

        ProvisionedThroughput throughput() {
            return TableDefinition.throughput(readCapacityUnits, writeCapacityUnits);
        }
    }

    public boolean provisioned() {
        return billingMode == BillingMode.PROVISIONED;
    }

    ProvisionedThroughput throughput() {
        return throughput(readCapacityUnits, writeCapacityUnits);
    }

    IndexDefinition globalIndex(String name) {
        for (IndexDefinition index : globalIndexes) {
            if (index.name().equals(name)) {
                return index;
            }
        }
        return null;
    }

    IndexDefinition localIndex(String name) {
        for (IndexDefinition index : localIndexes) {
            if (index.name().equals(name)) {
                return index;
            }
        }
        return null;
    }

    /** The request that creates the table as declared, except time to live, which DynamoDB sets apart. */
    CreateTableRequest createRequest() {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .keySchema(keySchema(hashKey, rangeKey))
                .attributeDefinitions(attributeDefinitions())
                .billingMode(billingMode)
                .deletionProtectionEnabled(deletionProtection)
                .tableClass(tableClass);
        if (provisioned()) {
            request.provisionedThroughput(throughput());
        }
        if (!globalIndexes.isEmpty()) {
            List<GlobalSecondaryIndex> indexes = new ArrayList<>(globalIndexes.size());
            for (IndexDefinition index : globalIndexes) {
                indexes.add(sdkGlobalIndex(index));
            }
            request.globalSecondaryIndexes(indexes);
        }
        if (!localIndexes.isEmpty()) {
            List<LocalSecondaryIndex> indexes = new ArrayList<>(localIndexes.size());
            for (IndexDefinition index : localIndexes) {
                indexes.add(LocalSecondaryIndex.builder().indexName(index.name()).keySchema(index.keySchema())
                        .projection(index.sdkProjection()).build());
            }
            request.localSecondaryIndexes(indexes);
        }
        if (stream != null) {
            request.streamSpecification(streamSpecification());
        }
        if (!tags.isEmpty()) {
            request.tags(sdkTags(tags));
        }
        return request.build();
    }

    GlobalSecondaryIndex sdkGlobalIndex(IndexDefinition index) {
        GlobalSecondaryIndex.Builder sdk = GlobalSecondaryIndex.builder().indexName(index.name())
                .keySchema(index.keySchema()).projection(index.sdkProjection());
        if (provisioned()) {
            sdk.provisionedThroughput(index.throughput());
        }
        return sdk.build();
    }

    StreamSpecification streamSpecification() {
        return StreamSpecification.builder().streamEnabled(true).streamViewType(stream).build();
    }

    /** Every key attribute of the table and its indexes, once each. */
    List<AttributeDefinition> attributeDefinitions() {
        Map<String, ScalarAttributeType> types = new LinkedHashMap<>();
        addKeys(types, hashKey, rangeKey);
        for (IndexDefinition index : localIndexes) {
            addKeys(types, index.hashKey(), index.rangeKey());
        }
        for (IndexDefinition index : globalIndexes) {
            addKeys(types, index.hashKey(), index.rangeKey());
        }
        List<AttributeDefinition> definitions = new ArrayList<>(types.size());
        for (Map.Entry<String, ScalarAttributeType> type : types.entrySet()) {
            definitions.add(AttributeDefinition.builder().attributeName(type.getKey()).attributeType(type.getValue())
                    .build());
        }
        return definitions;
    }

    static List<AttributeDefinition> attributeDefinitions(IndexDefinition index) {
        Map<String, ScalarAttributeType> types = new LinkedHashMap<>();
        addKeys(types, index.hashKey(), index.rangeKey());
        List<AttributeDefinition> definitions = new ArrayList<>(types.size());
        for (Map.Entry<String, ScalarAttributeType> type : types.entrySet()) {
            definitions.add(AttributeDefinition.builder().attributeName(type.getKey()).attributeType(type.getValue())
                    .build());
        }
        return definitions;
    }

    private static void addKeys(Map<String, ScalarAttributeType> types, KeyAttribute hash, KeyAttribute range) {
        types.putIfAbsent(hash.name(), hash.type());
        if (range != null) {
            types.putIfAbsent(range.name(), range.type());
        }
    }

    static List<KeySchemaElement> keySchema(KeyAttribute hash, KeyAttribute range) {
        List<KeySchemaElement> schema = new ArrayList<>(2);
        schema.add(KeySchemaElement.builder().attributeName(hash.name()).keyType(KeyType.HASH).build());
        if (range != null) {
            schema.add(KeySchemaElement.builder().attributeName(range.name()).keyType(KeyType.RANGE).build());
        }
        return schema;
    }

    static ProvisionedThroughput throughput(long read, long write) {
        return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
    }

    static List<Tag> sdkTags(Map<String, String> tags) {
        List<Tag> sdk = new ArrayList<>(tags.size());
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            sdk.add(Tag.builder().key(tag.getKey()).value(tag.getValue()).build());
        }
        return sdk;
    }
}
