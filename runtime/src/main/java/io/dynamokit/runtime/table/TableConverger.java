package io.dynamokit.runtime.table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;

import io.dynamokit.runtime.table.TableDefinition.IndexDefinition;
import io.dynamokit.table.TableDiff;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DeleteGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Brings a table to its declaration: creates a missing one, or changes an existing one in place, in the requests and
 * the order DynamoDB accepts.
 */
final class TableConverger {

    private static final Logger LOG = Logger.getLogger(TableConverger.class);

    private final DynamoDbClient client;
    private final TableReader reader;
    private final TableTags tags;
    private final TableWaiter waiter;
    private final Duration timeout;

    TableConverger(DynamoDbClient client, TableReader reader, TableTags tags, TableWaiter waiter, Duration timeout) {
        this.client = client;
        this.reader = reader;
        this.tags = tags;
        this.waiter = waiter;
        this.timeout = timeout;
    }

    /** Creates the table, waits until it and its indexes are ACTIVE, then turns on time to live. */
    void create(TableDefinition definition) {
        String name = definition.tableName();
        try {
            client.createTable(definition.createRequest());
            LOG.infof("Creating table %s", name);
        } catch (ResourceInUseException alreadyThere) {
            // created meanwhile, by another instance of the application: wait for it like for our own
            LOG.debugf("Table %s is being created elsewhere", name);
        }
        waiter.awaitActive(name, timeout);
        if (definition.timeToLiveAttribute() != null) {
            updateTimeToLive(name, definition.timeToLiveAttribute(), true);
        }
    }

    /**
     * Brings an existing table to its declaration, one change at a time, waiting after each until the table and its
     * indexes are ACTIVE: DynamoDB accepts one index creation or deletion at a time, and does not take throughput and
     * stream changes together.
     */
    void converge(TableDefinition definition) {
        String name = definition.tableName();
        TableDescription table = waiter.awaitActive(name, timeout);
        ActualTable actual = reader.read(table);
        TableDiff diff = TableComparison.diff(definition, actual);
        if (diff.isEmpty()) {
            return;
        }
        LOG.infof("Updating table %s:\n - %s", name, TableComparison.lines(diff.differences()));

        table = removeGlobalIndexes(definition, table);
        table = convergeThroughput(definition, table);
        table = addGlobalIndexes(definition, table);
        table = convergeStream(definition, table);
        convergeTimeToLive(definition, actual);
        tags.converge(definition, table.tableArn(), actual.tags());

        if (TableComparison.tableClass(table) != definition.tableClass()) {
            table = update(UpdateTableRequest.builder().tableName(name).tableClass(definition.tableClass()).build());
        }
        boolean protection = Boolean.TRUE.equals(table.deletionProtectionEnabled());
        if (protection != definition.deletionProtection()) {
            update(UpdateTableRequest.builder().tableName(name)
                    .deletionProtectionEnabled(definition.deletionProtection()).build());
        }
    }

    /** Deletes undeclared indexes, and declared ones whose keys or projection changed, one at a time. */
    private TableDescription removeGlobalIndexes(TableDefinition definition, TableDescription table) {
        List<String> removed = new ArrayList<>();
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            IndexDefinition declared = definition.globalIndex(index.indexName());
            if (declared == null || !TableComparison.sameShape(table, index, declared)) {
                removed.add(index.indexName());
            }
        }
        for (String index : removed) {
            LOG.infof("Deleting global secondary index %s of table %s", index, definition.tableName());
            table = update(UpdateTableRequest.builder().tableName(definition.tableName())
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                            .delete(DeleteGlobalSecondaryIndexAction.builder().indexName(index).build()).build())
                    .build());
        }
        return table;
    }

    /** Billing mode, then the table's throughput, then each index's. */
    private TableDescription convergeThroughput(TableDefinition definition, TableDescription table) {
        String name = definition.tableName();
        BillingMode billing = TableComparison.billingMode(table);
        if (billing != definition.billingMode()) {
            UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName(name)
                    .billingMode(definition.billingMode());
            if (definition.provisioned()) {
                // a table switching to provisioned needs the throughput of every index in the same request
                request.provisionedThroughput(definition.throughput());
                List<GlobalSecondaryIndexUpdate> indexes = new ArrayList<>();
                for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
                    IndexDefinition declared = definition.globalIndex(index.indexName());
                    if (declared != null) {
                        indexes.add(GlobalSecondaryIndexUpdate.builder().update(UpdateGlobalSecondaryIndexAction
                                .builder().indexName(index.indexName()).provisionedThroughput(declared.throughput())
                                .build()).build());
                    }
                }
                if (!indexes.isEmpty()) {
                    request.globalSecondaryIndexUpdates(indexes);
                }
            }
            return update(request.build());
        }
        if (!definition.provisioned()) {
            return table;
        }
        if (!sameThroughput(table.provisionedThroughput(), definition.readCapacityUnits(),
                definition.writeCapacityUnits())) {
            table = update(UpdateTableRequest.builder().tableName(name).provisionedThroughput(definition.throughput())
                    .build());
        }
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            IndexDefinition declared = definition.globalIndex(index.indexName());
            if (declared != null && !sameThroughput(index.provisionedThroughput(), declared.readCapacityUnits(),
                    declared.writeCapacityUnits())) {
                table = update(UpdateTableRequest.builder().tableName(name)
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .update(UpdateGlobalSecondaryIndexAction.builder().indexName(index.indexName())
                                        .provisionedThroughput(declared.throughput()).build())
                                .build())
                        .build());
            }
        }
        return table;
    }

    private static boolean sameThroughput(ProvisionedThroughputDescription throughput, long read, long write) {
        return throughput != null && throughput.readCapacityUnits() != null
                && throughput.readCapacityUnits() == read && throughput.writeCapacityUnits() != null
                && throughput.writeCapacityUnits() == write;
    }

    /** Creates the declared indexes the table lacks, one at a time. */
    private TableDescription addGlobalIndexes(TableDefinition definition, TableDescription table) {
        Set<String> existing = new HashSet<>();
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            existing.add(index.indexName());
        }
        for (IndexDefinition index : definition.globalIndexes()) {
            if (existing.contains(index.name())) {
                continue;
            }
            LOG.infof("Creating global secondary index %s of table %s", index.name(), definition.tableName());
            CreateGlobalSecondaryIndexAction.Builder create = CreateGlobalSecondaryIndexAction.builder()
                    .indexName(index.name()).keySchema(index.keySchema()).projection(index.sdkProjection());
            if (definition.provisioned()) {
                create.provisionedThroughput(index.throughput());
            }
            List<AttributeDefinition> attributes = TableDefinition.attributeDefinitions(index);
            table = update(UpdateTableRequest.builder().tableName(definition.tableName())
                    .attributeDefinitions(attributes)
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(create.build()).build())
                    .build());
        }
        return table;
    }

    private TableDescription convergeStream(TableDefinition definition, TableDescription table) {
        String stream = TableComparison.stream(table.streamSpecification());
        String declared = definition.stream() == null ? TableComparison.NONE : definition.stream().toString();
        if (stream.equals(declared)) {
            return table;
        }
        String name = definition.tableName();
        if (!stream.equals(TableComparison.NONE)) {
            // DynamoDB changes no view type of an enabled stream: it is turned off first
            table = update(UpdateTableRequest.builder().tableName(name)
                    .streamSpecification(StreamSpecification.builder().streamEnabled(false).build()).build());
        }
        if (definition.stream() != null) {
            table = update(UpdateTableRequest.builder().tableName(name)
                    .streamSpecification(definition.streamSpecification()).build());
        }
        return table;
    }

    private void convergeTimeToLive(TableDefinition definition, ActualTable actual) {
        String timeToLive = TableComparison.timeToLiveAttribute(actual.timeToLive());
        String declared = definition.timeToLiveAttribute() == null ? TableComparison.NONE
                : definition.timeToLiveAttribute();
        if (timeToLive.equals(declared)) {
            return;
        }
        if (!timeToLive.equals(TableComparison.NONE)) {
            // DynamoDB moves no enabled time to live to another attribute: it is turned off first
            updateTimeToLive(definition.tableName(), timeToLive, false);
        }
        if (definition.timeToLiveAttribute() != null) {
            updateTimeToLive(definition.tableName(), definition.timeToLiveAttribute(), true);
        }
    }

    private TableDescription update(UpdateTableRequest request) {
        client.updateTable(request);
        return waiter.awaitActive(request.tableName(), timeout);
    }

    private void updateTimeToLive(String table, String attribute, boolean enabled) {
        client.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(table)
                .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(attribute).enabled(enabled)
                        .build())
                .build());
    }
}
