package io.dynamokit.runtime.table;

import static io.dynamokit.runtime.table.TableDeclarations.PREFIX;
import static io.dynamokit.runtime.table.TableDeclarations.normalize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.dynamokit.runtime.config.GlobalIndexConfig;
import io.dynamokit.runtime.config.LocalIndexConfig;
import io.dynamokit.runtime.config.TableConfig;
import io.dynamokit.runtime.config.TablesConfig;
import io.dynamokit.runtime.table.TableDeclarations.CapacityDefault;
import io.dynamokit.runtime.table.TableDefinition.IndexDefinition;
import io.dynamokit.runtime.table.TableDefinition.KeyAttribute;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;

/**
 * The checks of one declared table, each problem naming its property and what it accepts. Problems go to the shared
 * list, and no definition comes out when there are any.
 */
final class DeclarationParser {

    static final int MAX_GLOBAL_INDEXES = 20;
    static final int MAX_LOCAL_INDEXES = 5;
    static final int MAX_TAGS = 50;

    /** DynamoDB's rule for table and index names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final String NAME_RULE = "use 3 to 255 letters, digits, '_', '-' and '.'";
    private static final String KEY_TYPES = "S (string), N (number) or B (binary)";

    private final String name;
    private final TableConfig table;
    private final TablesConfig tables;
    private final CapacityDefault readDefault;
    private final CapacityDefault writeDefault;
    private final List<String> problems;
    private final String property;
    private final int problemsBefore;
    /** Each key attribute's type, and the property that first gave it. */
    private final Map<String, String[]> attributeTypes = new HashMap<>();

    DeclarationParser(String name, TableConfig table, TablesConfig tables, CapacityDefault readDefault,
            CapacityDefault writeDefault, List<String> problems) {
        this.name = name;
        this.table = table;
        this.tables = tables;
        this.readDefault = readDefault;
        this.writeDefault = writeDefault;
        this.problems = problems;
        this.property = PREFIX + "\"" + name + "\".";
        this.problemsBefore = problems.size();
    }

    TableDefinition parse() {
        String tableName = TableDeclarations.tableName(tables, name);
        if (!NAME.matcher(tableName).matches()) {
            problems.add(PREFIX + "\"" + name + "\": the table name '" + tableName
                    + "' (with quarkus.dynamokit.table-name-prefix and table-name-suffix) is not a valid DynamoDB "
                    + "table name; " + NAME_RULE);
        }
        KeyAttribute hashKey = key(property + "hash-key", table.hashKey(), true);
        KeyAttribute rangeKey = key(property + "range-key", table.rangeKey(), false);
        BillingMode billingMode = billingMode();
        boolean provisioned = billingMode != BillingMode.PAY_PER_REQUEST;
        long read = units(property, "read-capacity-units", table.readCapacityUnits(), provisioned, readDefault);
        long write = units(property, "write-capacity-units", table.writeCapacityUnits(), provisioned, writeDefault);

        Map<String, GlobalIndexConfig> globalConfigs = new TreeMap<>(table.globalSecondaryIndexes());
        Map<String, LocalIndexConfig> localConfigs = new TreeMap<>(table.localSecondaryIndexes());
        if (globalConfigs.size() > MAX_GLOBAL_INDEXES) {
            problems.add(property + "global-secondary-indexes declares " + globalConfigs.size()
                    + " indexes: DynamoDB allows at most " + MAX_GLOBAL_INDEXES + " per table");
        }
        if (localConfigs.size() > MAX_LOCAL_INDEXES) {
            problems.add(property + "local-secondary-indexes declares " + localConfigs.size()
                    + " indexes: DynamoDB allows at most " + MAX_LOCAL_INDEXES + " per table");
        }
        List<IndexDefinition> localIndexes = new ArrayList<>();
        for (Map.Entry<String, LocalIndexConfig> index : localConfigs.entrySet()) {
            IndexDefinition definition = localIndex(index.getKey(), index.getValue(), hashKey,
                    table.rangeKey().isPresent());
            if (definition != null) {
                localIndexes.add(definition);
            }
        }
        List<IndexDefinition> globalIndexes = new ArrayList<>();
        for (Map.Entry<String, GlobalIndexConfig> index : globalConfigs.entrySet()) {
            if (localConfigs.containsKey(index.getKey())) {
                problems.add(property + "global-secondary-indexes.\"" + index.getKey()
                        + "\": a local secondary index has the same name; index names are unique per table");
            }
            IndexDefinition definition = globalIndex(index.getKey(), index.getValue(), provisioned);
            if (definition != null) {
                globalIndexes.add(definition);
            }
        }
        StreamViewType stream = stream();
        TableClass tableClass = tableClass();
        SortedMap<String, String> tags = tags();

        if (problems.size() > problemsBefore) {
            return null;
        }
        return new TableDefinition(name, tableName, hashKey, rangeKey, billingMode, read, write,
                List.copyOf(globalIndexes), List.copyOf(localIndexes), stream,
                table.timeToLiveAttribute().orElse(null), Collections.unmodifiableSortedMap(tags),
                table.deletionProtection(), tableClass);
    }

    private KeyAttribute key(String key, Optional<String> value, boolean required) {
        if (value.isEmpty()) {
            if (required) {
                problems.add(key + " is not set: set it to the attribute name and its type, such as ForumName:S; "
                        + "types are " + KEY_TYPES);
            }
            return null;
        }
        String text = value.get().trim();
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            problems.add(key + " is " + text + ": the type is missing; write the attribute name and its type, such as "
                    + text + ":S; types are " + KEY_TYPES);
            return null;
        }
        String attribute = text.substring(0, colon).trim();
        String typeName = text.substring(colon + 1).trim();
        if (attribute.isEmpty()) {
            problems.add(key + " is " + text + ": the attribute name is missing; write it as Name:" + typeName);
            return null;
        }
        ScalarAttributeType type = ScalarAttributeType.fromValue(typeName.toUpperCase(Locale.ROOT));
        if (type == null || type == ScalarAttributeType.UNKNOWN_TO_SDK_VERSION) {
            problems.add(key + " is " + text + ": '" + typeName + "' is not a key type; use " + KEY_TYPES);
            return null;
        }
        String[] earlier = attributeTypes.putIfAbsent(attribute, new String[] { type.toString(), key });
        if (earlier != null && !earlier[0].equals(type.toString())) {
            problems.add(key + " is " + text + ", but " + earlier[1] + " gives " + attribute + " the type "
                    + earlier[0] + ": an attribute has one type; use the same type in both");
            return null;
        }
        return new KeyAttribute(attribute, type);
    }

    private BillingMode billingMode() {
        String mode = normalize(table.billingMode());
        if (mode.equals("PROVISIONED")) {
            return BillingMode.PROVISIONED;
        }
        if (mode.equals("ON_DEMAND") || mode.equals("PAY_PER_REQUEST")) {
            return BillingMode.PAY_PER_REQUEST;
        }
        problems.add(property + "billing-mode is " + table.billingMode() + ": use on-demand or provisioned");
        return null;
    }

    private long units(String owner, String key, OptionalLong value, boolean provisioned, CapacityDefault fallback) {
        if (!provisioned) {
            if (value.isPresent()) {
                problems.add(owner + key + " is set, but the table's billing-mode is on-demand: remove it, or set "
                        + property + "billing-mode=provisioned");
            }
            return 0;
        }
        if (value.isPresent()) {
            if (value.getAsLong() < 1) {
                problems.add(owner + key + " is " + value.getAsLong() + ": use 1 or more");
            }
            return value.getAsLong();
        }
        if (fallback.units() < 1) {
            problems.add(owner + key + " is not set, and its default " + fallback.property() + " is "
                    + fallback.units() + ": a provisioned table needs 1 or more; set either");
        }
        return fallback.units();
    }

    private IndexDefinition localIndex(String indexName, LocalIndexConfig index, KeyAttribute hashKey,
            boolean tableHasRangeKey) {
        String indexProperty = property + "local-secondary-indexes.\"" + indexName + "\".";
        int before = problems.size();
        indexName(indexProperty, indexName);
        if (!tableHasRangeKey) {
            problems.add(property + "local-secondary-indexes.\"" + indexName + "\": the table has no range key, and "
                    + "a local secondary index needs one: set " + property + "range-key, or declare a global "
                    + "secondary index instead");
        }
        KeyAttribute rangeKey = key(indexProperty + "range-key", index.rangeKey(), true);
        ProjectionType projection = projection(indexProperty, index.projection());
        List<String> nonKeyAttributes = nonKeyAttributes(indexProperty, projection, index.nonKeyAttributes());
        if (problems.size() > before || hashKey == null) {
            return null;
        }
        return new IndexDefinition(indexName, hashKey, rangeKey, projection, nonKeyAttributes, 0, 0);
    }

    private IndexDefinition globalIndex(String indexName, GlobalIndexConfig index, boolean provisioned) {
        String indexProperty = property + "global-secondary-indexes.\"" + indexName + "\".";
        int before = problems.size();
        indexName(indexProperty, indexName);
        KeyAttribute hashKey = key(indexProperty + "hash-key", index.hashKey(), true);
        KeyAttribute rangeKey = key(indexProperty + "range-key", index.rangeKey(), false);
        ProjectionType projection = projection(indexProperty, index.projection());
        List<String> nonKeyAttributes = nonKeyAttributes(indexProperty, projection, index.nonKeyAttributes());
        long read = units(indexProperty, "read-capacity-units", index.readCapacityUnits(), provisioned,
                readDefault);
        long write = units(indexProperty, "write-capacity-units", index.writeCapacityUnits(), provisioned,
                writeDefault);
        if (problems.size() > before) {
            return null;
        }
        return new IndexDefinition(indexName, hashKey, rangeKey, projection, nonKeyAttributes, read, write);
    }

    private void indexName(String indexProperty, String indexName) {
        if (!NAME.matcher(indexName).matches()) {
            problems.add(indexProperty.substring(0, indexProperty.length() - 1) + ": '" + indexName
                    + "' is not a valid DynamoDB index name; " + NAME_RULE);
        }
    }

    private ProjectionType projection(String indexProperty, String value) {
        String projection = normalize(value);
        if (projection.equals("ALL")) {
            return ProjectionType.ALL;
        }
        if (projection.equals("KEYS_ONLY")) {
            return ProjectionType.KEYS_ONLY;
        }
        if (projection.equals("INCLUDE")) {
            return ProjectionType.INCLUDE;
        }
        problems.add(indexProperty + "projection is " + value + ": use all, keys-only or include");
        return null;
    }

    private List<String> nonKeyAttributes(String indexProperty, ProjectionType projection,
            Optional<List<String>> value) {
        if (projection == ProjectionType.INCLUDE) {
            if (value.isEmpty() || value.get().isEmpty()) {
                problems.add(indexProperty + "non-key-attributes is not set: an include projection lists the "
                        + "attributes it holds besides the keys, such as " + indexProperty
                        + "non-key-attributes=Title,Replies");
                return List.of();
            }
            List<String> attributes = new ArrayList<>();
            for (String attribute : new TreeSet<>(value.get())) {
                if (!attribute.isBlank()) {
                    attributes.add(attribute.trim());
                }
            }
            return List.copyOf(attributes);
        }
        if (projection != null && value.isPresent() && !value.get().isEmpty()) {
            problems.add(indexProperty + "non-key-attributes is set, but the projection is "
                    + projection.toString().toLowerCase(Locale.ROOT).replace('_', '-') + ": remove it, or set "
                    + indexProperty + "projection=include");
        }
        return List.of();
    }

    private StreamViewType stream() {
        if (table.stream().isEmpty()) {
            return null;
        }
        String stream = normalize(table.stream().get());
        for (StreamViewType type : StreamViewType.knownValues()) {
            if (type.toString().equals(stream)) {
                return type;
            }
        }
        problems.add(property + "stream is " + table.stream().get()
                + ": use new-image, old-image, new-and-old-images or keys-only, or leave it unset for no stream");
        return null;
    }

    private TableClass tableClass() {
        String tableClass = normalize(table.tableClass());
        if (tableClass.equals("STANDARD")) {
            return TableClass.STANDARD;
        }
        if (tableClass.equals("STANDARD_INFREQUENT_ACCESS")) {
            return TableClass.STANDARD_INFREQUENT_ACCESS;
        }
        problems.add(property + "table-class is " + table.tableClass()
                + ": use standard or standard-infrequent-access");
        return null;
    }

    private SortedMap<String, String> tags() {
        SortedMap<String, String> tags = new TreeMap<>(table.tags());
        if (tags.size() > MAX_TAGS) {
            problems.add(property + "tags declares " + tags.size() + " tags: DynamoDB allows at most " + MAX_TAGS
                    + " per table");
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String tagProperty = property + "tags.\"" + tag.getKey() + "\"";
            if (tag.getKey().toLowerCase(Locale.ROOT).startsWith("aws:")) {
                problems.add(tagProperty + ": tag keys starting with aws: belong to AWS; use another key");
            } else if (tag.getKey().length() > 128) {
                problems.add(tagProperty + ": the key is " + tag.getKey().length()
                        + " characters long; use at most 128");
            }
            if (tag.getValue().length() > 256) {
                problems.add(tagProperty + " is " + tag.getValue().length() + " characters long; use at most 256");
            }
        }
        return tags;
    }
}
