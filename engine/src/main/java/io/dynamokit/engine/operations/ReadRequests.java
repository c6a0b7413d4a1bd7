package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.ExpressionContext;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.IndexDefinition;
import io.dynamokit.engine.storage.KeySchema;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks Query and Scan share, each with DynamoDB's message: expression and legacy parameters not mixed,
 * ExpressionAttributeNames and ExpressionAttributeValues well formed, Select against the projection and the index,
 * the index itself, and the ExclusiveStartKey against the key schema.
 */
final class ReadRequests {
    static final String ALL_ATTRIBUTES = "ALL_ATTRIBUTES";
    static final String ALL_PROJECTED_ATTRIBUTES = "ALL_PROJECTED_ATTRIBUTES";
    static final String SPECIFIC_ATTRIBUTES = "SPECIFIC_ATTRIBUTES";
    static final String COUNT = "COUNT";
    static final String[] SELECTS = {SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES};
    static final String[] RETURN_CONSUMED_CAPACITY = {"INDEXES", "TOTAL", "NONE"};

    private static final String INVALID_START_KEY = "The provided starting key is invalid";

    private ReadRequests() {
    }

    /**
     * The request's ExpressionAttributeNames and Values, after DynamoDB's checks that expression parameters are not
     * mixed with their legacy counterparts ({@code expressions} and {@code legacy} in the order DynamoDB names them)
     * and that names and values come with an expression that can use them.
     */
    static ExpressionContext expressionContext(Request request, List<String> expressions, List<String> legacy) {
        List<String> legacyMixed = new ArrayList<>(legacy);
        // KeyConditions goes with a FilterExpression or ProjectionExpression; only KeyConditionExpression excludes it
        if (!request.has("KeyConditionExpression")) {
            legacyMixed.remove("KeyConditions");
        }
        ItemRequests.checkExpressionParameters(request, legacyMixed, expressions);
        return ItemRequests.context(request, null, true);
    }

    /**
     * Select against the projection and the index, before the table is read: a projection ({@code projectionMember}
     * names it, "ProjectionExpression" or "AttributesToGet"; null without one) goes only with SPECIFIC_ATTRIBUTES,
     * ALL_PROJECTED_ATTRIBUTES only with an index. Returns the effective Select.
     */
    static String select(String select, String projectionMember, boolean index) {
        boolean projection = projectionMember != null;
        if (projection && select != null && !select.equals(SPECIFIC_ATTRIBUTES)) {
            throw DynamoException.validation("Cannot specify the " + projectionMember + " when choosing to get "
                    + (select.equals(COUNT) ? "only the Count" : select));
        }
        if (ALL_PROJECTED_ATTRIBUTES.equals(select) && !index) {
            throw DynamoException.validation(
                    "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        if (SPECIFIC_ATTRIBUTES.equals(select) && !projection) {
            throw DynamoException.validation(
                    "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (select != null) {
            return select;
        }
        return projection ? SPECIFIC_ATTRIBUTES : index ? ALL_PROJECTED_ATTRIBUTES : ALL_ATTRIBUTES;
    }

    /** The table to read: ResourceNotFoundException unless it serves items. */
    static Table table(Storage storage, String name) {
        return storage.itemTable(name);
    }

    /** The index named by IndexName, checked as DynamoDB does before reading it; null without IndexName. */
    static IndexDefinition index(Storage storage, Table table, String indexName, boolean consistentRead,
            String select) {
        if (indexName == null) {
            return null;
        }
        IndexDefinition index = table.metadata().index(indexName);
        if (index == null || table.index(indexName) == null) {
            throw DynamoException.validation("The table does not have the specified index: " + indexName);
        }
        if (index.global()) {
            if (consistentRead) {
                throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
            }
            if (index.status(storage.now()).equals("CREATING")) {
                throw DynamoException.validation("Cannot read from backfilling global secondary index: " + indexName);
            }
            if (ALL_ATTRIBUTES.equals(select) && !index.projection().all()) {
                throw DynamoException.validation("One or more parameter values were invalid: Select type "
                        + "ALL_ATTRIBUTES is not supported for global secondary index " + indexName
                        + " because its projection type is not ALL");
            }
        }
        return index;
    }

    /** The attributes a LastEvaluatedKey (and so an ExclusiveStartKey) holds: the table's key, then the index's. */
    static List<String> startKeyNames(KeySchema table, IndexDefinition index) {
        List<String> names = new ArrayList<>();
        addKey(names, table);
        if (index != null) {
            addKey(names, index.keySchema());
        }
        return names;
    }

    private static void addKey(List<String> names, KeySchema schema) {
        if (!names.contains(schema.hashName())) {
            names.add(schema.hashName());
        }
        if (schema.hasRange() && !names.contains(schema.rangeName())) {
            names.add(schema.rangeName());
        }
    }

    /**
     * Checks that an ExclusiveStartKey holds exactly the key attributes of the table (and index) with their
     * types. A Scan of a table names the reason; Query and a Scan of an index do not.
     */
    static void checkStartKey(Map<String, AttributeValue> startKey, Table table, IndexDefinition index,
            boolean detailed) {
        List<String> names = startKeyNames(table.keySchema(), index);
        String message = detailed ? INVALID_START_KEY + ": The provided key element does not match the schema"
                : INVALID_START_KEY;
        if (startKey.size() != names.size()) {
            throw DynamoException.validation(message);
        }
        Map<String, String> types = table.metadata().attributeDefinitions();
        for (String name : names) {
            AttributeValue value = startKey.get(name);
            if (value == null || !value.type().equals(types.get(name))) {
                throw DynamoException.validation(message);
            }
            if (value instanceof AttributeValue.S s && s.value().isEmpty()
                    || value instanceof AttributeValue.B b && b.bytes().length == 0) {
                throw invalidStartKey("One or more parameter values are not valid. The AttributeValue for a key "
                        + "attribute cannot contain an empty " + (value instanceof AttributeValue.S ? "string" : "binary")
                        + " value. Key: " + name);
            }
        }
    }

    /** The ExclusiveStartKey member; a value DynamoDB refuses is reported as an invalid starting key. */
    static Map<String, AttributeValue> startKey(Request request) {
        try {
            return request.item("ExclusiveStartKey");
        } catch (DynamoException invalid) {
            if (!invalid.shortType().equals("ValidationException")) {
                throw invalid;
            }
            throw invalidStartKey(invalid.getMessage());
        }
    }

    /** The message for an ExclusiveStartKey that cannot be a position of this read. */
    static DynamoException invalidStartKey(String detail) {
        return DynamoException.validation(detail == null ? INVALID_START_KEY : INVALID_START_KEY + ": " + detail);
    }
}
