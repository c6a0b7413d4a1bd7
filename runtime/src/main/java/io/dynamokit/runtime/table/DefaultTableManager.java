package io.dynamokit.runtime.table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.dynamokit.document.DocumentClient;
import io.dynamokit.runtime.document.DefaultDocumentClient;
import io.dynamokit.runtime.table.TableDefinition.IndexDefinition;
import io.dynamokit.table.SchemaManagement;
import io.dynamokit.table.TableDiff;
import io.dynamokit.table.TableManagementException;
import io.dynamokit.table.TableManager;
import io.dynamokit.table.TableStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DeleteGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * {@link TableManager} over a {@link DynamoDbClient}. Waits go through {@link DocumentClient#awaitActive}, the SDK
 * waiter that waits for a table and all its global secondary indexes.
 */
public final class DefaultTableManager implements TableManager {

    private static final Logger LOG = Logger.getLogger(DefaultTableManager.class);

    private final DynamoDbClient client;
    private final DocumentClient documents;
    private final SortedMap<String, TableDefinition> definitions;
    private final Executor executor;
    private final Duration timeout;

    public DefaultTableManager(DynamoDbClient client, DocumentClient documents,
            SortedMap<String, TableDefinition> definitions, Executor executor, Duration timeout) {
        this.client = client;
        this.documents = documents;
        this.definitions = definitions;
        this.executor = executor;
        this.timeout = timeout;
    }

    // ---- the public API

    @Override
    public Set<String> tables() {
        return Collections.unmodifiableSet(definitions.keySet());
    }

    @Override
    public String tableName(String table) {
        return definition(table).tableName();
    }

    @Override
    public TableStatus status(String table) {
        return statusOf(describe(definition(table).tableName()));
    }

    @Override
    public Map<String, TableStatus> status() {
        return forEachTable(definitions.values(), new TableTask<TableStatus>() {
            @Override
            public TableStatus run(TableDefinition table) {
                return statusOf(describe(table.tableName()));
            }
        });
    }

    @Override
    public TableDiff diff(String table) {
        TableDefinition definition = definition(table);
        return TableComparison.diff(definition, read(definition));
    }

    @Override
    public void apply(String table) {
        TableDefinition definition = definition(table);
        ActualTable actual = read(definition);
        if (!actual.exists()) {
            create(definition);
            return;
        }
        TableDiff diff = TableComparison.diff(definition, actual);
        if (!diff.requiringRecreation().isEmpty()) {
            throw new TableManagementException("Table " + definition.tableName() + " cannot be brought to its "
                    + "declaration without deleting it and its data:\n - "
                    + join(diff.requiringRecreation()) + "\n" + SchemaManager.RECREATION_ADVICE);
        }
        converge(definition);
    }

    @Override
    public void delete(String table) {
        drop(definition(table));
    }

    @Override
    public void awaitRunning(String table, Duration timeout) {
        documents.awaitActive(definition(table).tableName(), timeout);
    }

    /** Applies a schema management strategy to every declared table. */
    public void manageSchema(SchemaManagement strategy, boolean production, boolean allowDropAndCreateInProd) {
        new SchemaManager(this, strategy).run(production, allowDropAndCreateInProd);
    }

    // ---- what schema management builds on

    Collection<TableDefinition> definitions() {
        return definitions.values();
    }

    /** The table as DynamoDB describes it, with its time to live and tags; {@link ActualTable#missing()} if absent. */
    ActualTable read(TableDefinition definition) {
        TableDescription table = describe(definition.tableName());
        if (table == null) {
            return ActualTable.missing();
        }
        return read(table);
    }

    private ActualTable read(TableDescription table) {
        return new ActualTable(table, client.describeTimeToLive(DescribeTimeToLiveRequest.builder()
                .tableName(table.tableName()).build()).timeToLiveDescription(), tags(table.tableArn()));
    }

    /** Every declared table read at the same time, one task per table. */
    Map<String, ActualTable> readAll(Collection<TableDefinition> tables) {
        return forEachTable(tables, new TableTask<ActualTable>() {
            @Override
            public ActualTable run(TableDefinition table) {
                return read(table);
            }
        });
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
        documents.awaitActive(name, timeout);
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
        TableDescription table = documents.awaitActive(name, timeout);
        ActualTable actual = read(table);
        TableDiff diff = TableComparison.diff(definition, actual);
        if (diff.isEmpty()) {
            return;
        }
        LOG.infof("Updating table %s:\n - %s", name, join(diff.differences()));

        table = removeGlobalIndexes(definition, table);
        table = convergeThroughput(definition, table);
        table = addGlobalIndexes(definition, table);

        String stream = TableComparison.stream(table.streamSpecification());
        String declaredStream = definition.stream() == null ? TableComparison.NONE : definition.stream().toString();
        if (!stream.equals(declaredStream)) {
            if (!stream.equals(TableComparison.NONE)) {
                // DynamoDB changes no view type of an enabled stream: it is turned off first
                table = update(UpdateTableRequest.builder().tableName(name)
                        .streamSpecification(StreamSpecification.builder().streamEnabled(false).build()).build());
            }
            if (definition.stream() != null) {
                table = update(UpdateTableRequest.builder().tableName(name)
                        .streamSpecification(definition.streamSpecification()).build());
            }
        }

        String timeToLive = TableComparison.timeToLiveAttribute(actual.timeToLive());
        String declaredTimeToLive = definition.timeToLiveAttribute() == null ? TableComparison.NONE
                : definition.timeToLiveAttribute();
        if (!timeToLive.equals(declaredTimeToLive)) {
            if (!timeToLive.equals(TableComparison.NONE)) {
                // DynamoDB moves no enabled time to live to another attribute: it is turned off first
                updateTimeToLive(name, timeToLive, false);
            }
            if (definition.timeToLiveAttribute() != null) {
                updateTimeToLive(name, definition.timeToLiveAttribute(), true);
            }
        }

        convergeTags(definition, table.tableArn(), actual.tags());

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

    private void convergeTags(TableDefinition definition, String arn, Map<String, String> tags) {
        List<String> removed = new ArrayList<>();
        for (String key : tags.keySet()) {
            if (!key.startsWith("aws:") && !definition.tags().containsKey(key)) {
                removed.add(key);
            }
        }
        Map<String, String> changed = new LinkedHashMap<>();
        for (Map.Entry<String, String> tag : definition.tags().entrySet()) {
            if (!tag.getValue().equals(tags.get(tag.getKey()))) {
                changed.put(tag.getKey(), tag.getValue());
            }
        }
        if (!removed.isEmpty()) {
            client.untagResource(UntagResourceRequest.builder().resourceArn(arn).tagKeys(removed).build());
        }
        if (!changed.isEmpty()) {
            List<Tag> sdkTags = TableDefinition.sdkTags(changed);
            client.tagResource(TagResourceRequest.builder().resourceArn(arn).tags(sdkTags).build());
        }
    }

    /** Deletes the table and waits until it is gone; nothing when it is missing. */
    void drop(TableDefinition definition) {
        String name = definition.tableName();
        TableDescription table = describe(name);
        if (table == null) {
            return;
        }
        if (Boolean.TRUE.equals(table.deletionProtectionEnabled())) {
            throw new TableManagementException("Table " + name + " has deletion protection enabled, and DynamoKit "
                    + "does not turn it off to delete a table: set " + TableDeclarations.PREFIX + "\""
                    + definition.declaredName() + "\".deletion-protection=false and apply it first");
        }
        try {
            client.deleteTable(DeleteTableRequest.builder().tableName(name).build());
            LOG.infof("Deleting table %s", name);
        } catch (ResourceNotFoundException alreadyGone) {
            return;
        } catch (ResourceInUseException beingDeleted) {
            LOG.debugf("Table %s is being changed or deleted elsewhere", name);
        }
        documents.awaitDeleted(name, timeout);
    }

    private TableDescription update(UpdateTableRequest request) {
        client.updateTable(request);
        return documents.awaitActive(request.tableName(), timeout);
    }

    private void updateTimeToLive(String table, String attribute, boolean enabled) {
        client.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(table)
                .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(attribute).enabled(enabled)
                        .build())
                .build());
    }

    /** The table's tags, every page. */
    private Map<String, String> tags(String arn) {
        Map<String, String> tags = new TreeMap<>();
        String next = null;
        do {
            ListTagsOfResourceResponse page = client.listTagsOfResource(ListTagsOfResourceRequest.builder()
                    .resourceArn(arn).nextToken(next).build());
            for (Tag tag : page.tags()) {
                tags.put(tag.key(), tag.value());
            }
            next = page.nextToken();
        } while (next != null);
        return tags;
    }

    /** The table's description, or null when it does not exist. */
    TableDescription describe(String tableName) {
        try {
            return client.describeTable(DescribeTableRequest.builder().tableName(tableName).build()).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    static TableStatus statusOf(TableDescription table) {
        if (table == null) {
            return TableStatus.MISSING;
        }
        return DefaultDocumentClient.isActiveWithIndexes(table) ? TableStatus.RUNNING : TableStatus.PENDING;
    }

    private TableDefinition definition(String table) {
        TableDefinition definition = definitions.get(table);
        if (definition == null) {
            throw new IllegalArgumentException("No table " + table + " is declared (" + TableDeclarations.PREFIX
                    + "\"" + table + "\".*); declared tables: " + definitions.keySet());
        }
        return definition;
    }

    // ---- running one task per table at the same time

    interface TableTask<T> {
        T run(TableDefinition table);
    }

    /**
     * Runs the task for every table, each on the executor, and waits for all of them. Results by declared name,
     * sorted. When tasks fail, the first failure is thrown with the others suppressed.
     */
    <T> Map<String, T> forEachTable(Collection<TableDefinition> tables, TableTask<T> task) {
        Map<String, T> results = new TreeMap<>();
        if (tables.size() == 1) {
            TableDefinition only = tables.iterator().next();
            results.put(only.declaredName(), task.run(only));
            return results;
        }
        Map<String, CompletableFuture<T>> running = new HashMap<>();
        for (TableDefinition table : tables) {
            running.put(table.declaredName(), CompletableFuture.supplyAsync(new Supplier<T>() {
                @Override
                public T get() {
                    return task.run(table);
                }
            }, executor));
        }
        RuntimeException failure = null;
        for (TableDefinition table : tables) {
            try {
                results.put(table.declaredName(), running.get(table.declaredName()).join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                if (failure == null) {
                    failure = cause;
                } else if (failure != cause) {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    static String join(List<TableDiff.Difference> differences) {
        StringBuilder text = new StringBuilder();
        for (TableDiff.Difference difference : differences) {
            if (text.length() > 0) {
                text.append("\n - ");
            }
            text.append(difference);
        }
        return text.toString();
    }
}
