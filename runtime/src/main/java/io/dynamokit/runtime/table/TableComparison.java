package io.dynamokit.runtime.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import io.dynamokit.runtime.table.TableDefinition.IndexDefinition;
import io.dynamokit.runtime.table.TableDefinition.KeyAttribute;
import io.dynamokit.table.TableDiff;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Compares a declared table with what DynamoDB reports, field by field, leaving out what a declaration does not hold
 * and what DynamoDB does not report.
 */
final class TableComparison {

    static final String NONE = "none";

    private final TableDefinition declared;
    private final ActualTable actual;
    private final List<TableDiff.Difference> differences = new ArrayList<>();

    private TableComparison(TableDefinition declared, ActualTable actual) {
        this.declared = declared;
        this.actual = actual;
    }

    static TableDiff diff(TableDefinition declared, ActualTable actual) {
        TableComparison comparison = new TableComparison(declared, actual);
        comparison.compare();
        return new TableDiff(declared.tableName(), comparison.differences);
    }

    private void compare() {
        if (!actual.exists()) {
            inPlace("table missing");
            return;
        }
        TableDescription table = actual.table();
        Map<String, String> types = attributeTypes(table);
        compareKeys("", table.keySchema(), types, declared.hashKey(), declared.rangeKey(), false);
        compareLocalIndexes(table, types);

        BillingMode billing = billingMode(table);
        if (billing != declared.billingMode()) {
            inPlace("billing mode " + billing + " != declared " + declared.billingMode());
        } else if (declared.provisioned()) {
            compareThroughput("", table.provisionedThroughput(), declared.readCapacityUnits(),
                    declared.writeCapacityUnits());
        }
        compareGlobalIndexes(table, types, billing);

        String stream = stream(table.streamSpecification());
        String declaredStream = declared.stream() == null ? NONE : declared.stream().toString();
        if (!stream.equals(declaredStream)) {
            inPlace("stream " + stream + " != declared " + declaredStream);
        }
        String timeToLive = timeToLiveAttribute(actual.timeToLive());
        String declaredTimeToLive = declared.timeToLiveAttribute() == null ? NONE : declared.timeToLiveAttribute();
        if (!timeToLive.equals(declaredTimeToLive)) {
            inPlace("time to live attribute " + timeToLive + " != declared " + declaredTimeToLive);
        }
        compareTags(actual.tags());
        // Tables created before deletion protection existed may not report it: absent means off.
        boolean protection = Boolean.TRUE.equals(table.deletionProtectionEnabled());
        if (protection != declared.deletionProtection()) {
            inPlace("deletion protection " + protection + " != declared " + declared.deletionProtection());
        }
        TableClass tableClass = tableClass(table);
        if (tableClass != declared.tableClass()) {
            inPlace("table class " + tableClass + " != declared " + declared.tableClass());
        }
    }

    private void compareKeys(String owner, List<KeySchemaElement> schema, Map<String, String> types,
            KeyAttribute hash, KeyAttribute range, boolean inPlace) {
        String actualHash = key(schema, KeyType.HASH, types);
        String actualRange = key(schema, KeyType.RANGE, types);
        String declaredHash = hash.toString();
        String declaredRange = range == null ? NONE : range.toString();
        if (!actualHash.equals(declaredHash)) {
            add(owner + "hash key " + actualHash + " != declared " + declaredHash, inPlace);
        }
        if (!actualRange.equals(declaredRange)) {
            add(owner + "range key " + actualRange + " != declared " + declaredRange, inPlace);
        }
    }

    private void compareLocalIndexes(TableDescription table, Map<String, String> types) {
        Map<String, LocalSecondaryIndexDescription> existing = new TreeMap<>();
        for (LocalSecondaryIndexDescription index : table.localSecondaryIndexes()) {
            existing.put(index.indexName(), index);
        }
        for (IndexDefinition index : declared.localIndexes()) {
            String owner = "local secondary index " + index.name() + ": ";
            LocalSecondaryIndexDescription description = existing.remove(index.name());
            if (description == null) {
                recreate(owner + "missing");
                continue;
            }
            compareKeys(owner, description.keySchema(), types, index.hashKey(), index.rangeKey(), false);
            compareProjection(owner, description.projection(), index, false);
        }
        for (String undeclared : existing.keySet()) {
            recreate("local secondary index " + undeclared + ": not declared");
        }
    }

    private void compareGlobalIndexes(TableDescription table, Map<String, String> types, BillingMode billing) {
        Map<String, GlobalSecondaryIndexDescription> existing = new TreeMap<>();
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            // an index being deleted is on its way out: it counts as absent
            if (index.indexStatus() != IndexStatus.DELETING) {
                existing.put(index.indexName(), index);
            }
        }
        for (IndexDefinition index : declared.globalIndexes()) {
            String owner = "global secondary index " + index.name() + ": ";
            GlobalSecondaryIndexDescription description = existing.remove(index.name());
            if (description == null) {
                inPlace(owner + "missing");
                continue;
            }
            compareKeys(owner, description.keySchema(), types, index.hashKey(), index.rangeKey(), true);
            compareProjection(owner, description.projection(), index, true);
            // On-demand tables have no index throughput (DynamoDB reports 0): there is nothing to compare.
            if (billing == BillingMode.PROVISIONED && declared.provisioned()) {
                compareThroughput(owner, description.provisionedThroughput(), index.readCapacityUnits(),
                        index.writeCapacityUnits());
            }
        }
        for (String undeclared : existing.keySet()) {
            inPlace("global secondary index " + undeclared + ": not declared");
        }
    }

    private void compareProjection(String owner, Projection projection, IndexDefinition index, boolean inPlace) {
        String type = projectionType(projection);
        if (!type.equals(index.projection().toString())) {
            add(owner + "projection " + type + " != declared " + index.projection(), inPlace);
            return;
        }
        List<String> nonKeyAttributes = nonKeyAttributes(projection);
        if (!nonKeyAttributes.equals(index.nonKeyAttributes())) {
            add(owner + "non-key attributes " + nonKeyAttributes + " != declared " + index.nonKeyAttributes(), inPlace);
        }
    }

    /**
     * Whether the index has the declared keys and projection, which DynamoDB cannot change on an existing index.
     */
    static boolean sameShape(TableDescription table, GlobalSecondaryIndexDescription index, IndexDefinition declared) {
        Map<String, String> types = attributeTypes(table);
        String declaredRange = declared.rangeKey() == null ? NONE : declared.rangeKey().toString();
        return key(index.keySchema(), KeyType.HASH, types).equals(declared.hashKey().toString())
                && key(index.keySchema(), KeyType.RANGE, types).equals(declaredRange)
                && projectionType(index.projection()).equals(declared.projection().toString())
                && nonKeyAttributes(index.projection()).equals(declared.nonKeyAttributes());
    }

    private static String projectionType(Projection projection) {
        return projection == null || projection.projectionType() == null ? NONE
                : projection.projectionType().toString();
    }

    private static List<String> nonKeyAttributes(Projection projection) {
        return projection != null && projection.hasNonKeyAttributes()
                ? new ArrayList<>(new TreeSet<>(projection.nonKeyAttributes()))
                : List.of();
    }

    private void compareThroughput(String owner, ProvisionedThroughputDescription throughput, long read, long write) {
        long actualRead = throughput == null || throughput.readCapacityUnits() == null ? 0
                : throughput.readCapacityUnits();
        long actualWrite = throughput == null || throughput.writeCapacityUnits() == null ? 0
                : throughput.writeCapacityUnits();
        if (actualRead != read) {
            inPlace(owner + "provisioned throughput read " + actualRead + " != declared " + read);
        }
        if (actualWrite != write) {
            inPlace(owner + "provisioned throughput write " + actualWrite + " != declared " + write);
        }
    }

    private void compareTags(Map<String, String> tags) {
        Map<String, String> undeclared = new TreeMap<>();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (!tag.getKey().startsWith("aws:")) {
                undeclared.put(tag.getKey(), tag.getValue());
            }
        }
        for (Map.Entry<String, String> tag : declared.tags().entrySet()) {
            String value = undeclared.remove(tag.getKey());
            if (value == null) {
                inPlace("tag " + tag.getKey() + ": missing");
            } else if (!value.equals(tag.getValue())) {
                inPlace("tag " + tag.getKey() + ": " + value + " != declared " + tag.getValue());
            }
        }
        for (String key : undeclared.keySet()) {
            inPlace("tag " + key + ": not declared");
        }
    }

    /**
     * The billing mode. DynamoDB reports no billing summary for a table created with provisioned throughput and never
     * switched: that is provisioned.
     */
    static BillingMode billingMode(TableDescription table) {
        if (table.billingModeSummary() != null && table.billingModeSummary().billingMode() != null) {
            return table.billingModeSummary().billingMode();
        }
        return BillingMode.PROVISIONED;
    }

    /**
     * The table class. DynamoDB reports no table class summary for a table never given a class other than the
     * default: that is standard.
     */
    static TableClass tableClass(TableDescription table) {
        return table.tableClassSummary() == null || table.tableClassSummary().tableClass() == null
                ? TableClass.STANDARD
                : table.tableClassSummary().tableClass();
    }

    static String stream(StreamSpecification stream) {
        if (stream == null || !Boolean.TRUE.equals(stream.streamEnabled()) || stream.streamViewType() == null) {
            return NONE;
        }
        return stream.streamViewType().toString();
    }

    static StreamViewType streamViewType(StreamSpecification stream) {
        return NONE.equals(stream(stream)) ? null : stream.streamViewType();
    }

    /** The attribute of an enabled (or enabling) time to live, else {@code none}. */
    static String timeToLiveAttribute(TimeToLiveDescription timeToLive) {
        TimeToLiveStatus status = timeToLive.timeToLiveStatus();
        if ((status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING)
                && timeToLive.attributeName() != null) {
            return timeToLive.attributeName();
        }
        return NONE;
    }

    private static Map<String, String> attributeTypes(TableDescription table) {
        Map<String, String> types = new HashMap<>();
        for (AttributeDefinition definition : table.attributeDefinitions()) {
            types.put(definition.attributeName(), String.valueOf(definition.attributeType()));
        }
        return types;
    }

    private static String key(List<KeySchemaElement> schema, KeyType type, Map<String, String> types) {
        for (KeySchemaElement element : schema) {
            if (element.keyType() == type) {
                return element.attributeName() + ":" + Objects.requireNonNullElse(types.get(element.attributeName()), "?");
            }
        }
        return NONE;
    }

    /** The differences' sentences, one per line, each after the first preceded by " - ". */
    static String lines(List<TableDiff.Difference> differences) {
        StringBuilder text = new StringBuilder();
        for (TableDiff.Difference difference : differences) {
            if (text.length() > 0) {
                text.append("\n - ");
            }
            text.append(difference);
        }
        return text.toString();
    }

    private void inPlace(String description) {
        add(description, true);
    }

    private void recreate(String description) {
        add(description, false);
    }

    private void add(String description, boolean inPlace) {
        differences.add(new TableDiff.Difference(declared.tableName(), description, inPlace));
    }
}
