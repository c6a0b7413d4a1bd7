package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.ExpressionContext;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.AttributeValues;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The members item operations share: table name, return options, expression names and values, legacy members. */
final class ItemRequests {
    static final String[] RETURN_VALUES = {"NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"};

    private ItemRequests() {
    }

    /** An item operation's TableName (a name or, in DynamoDB, an ARN: 1 to 255 characters here). */
    static void tableName(Constraints c, String name) {
        c.notNull("tableName", name);
        if (name != null && name.isEmpty()) {
            c.length("tableName", name, 0, 1, 255);
        } else if (name != null) {
            c.pattern("tableName", name).length("tableName", name, name.length(), 1, 255);
        }
    }

    static void returnOptions(Constraints c, Request request) {
        c.oneOf("returnConsumedCapacity", request.string("ReturnConsumedCapacity"), "INDEXES", "TOTAL", "NONE");
        c.oneOf("returnItemCollectionMetrics", request.string("ReturnItemCollectionMetrics"), "SIZE", "NONE");
        c.oneOf("returnValues", request.string("ReturnValues"), RETURN_VALUES);
        c.oneOf("returnValuesOnConditionCheckFailure", request.string("ReturnValuesOnConditionCheckFailure"),
                "ALL_OLD", "NONE");
    }

    /** Refuses legacy members together with expressions, as DynamoDB does. */
    static void checkNotMixed(Request request, List<String> legacy, List<String> expressions) {
        List<String> legacyPresent = new ArrayList<>();
        for (String name : legacy) {
            if (request.has(name)) {
                legacyPresent.add(name);
            }
        }
        List<String> expressionPresent = new ArrayList<>();
        for (String name : expressions) {
            if (request.has(name)) {
                expressionPresent.add(name);
            }
        }
        if (!legacyPresent.isEmpty() && !expressionPresent.isEmpty()) {
            throw DynamoException.validation("Can not use both expression and non-expression parameters in the same "
                    + "request: Non-expression parameters: {" + String.join(", ", legacyPresent)
                    + "} Expression parameters: {" + String.join(", ", expressionPresent) + "}");
        }
    }

    /**
     * DynamoDB's checks of the expression parameters, before the request's values are read: legacy members not
     * mixed with expressions ({@code legacy} and {@code expressions} in the order DynamoDB names them), then
     * ExpressionAttributeNames only with an expression and ExpressionAttributeValues only with one that takes values
     * (any but ProjectionExpression).
     */
    static void checkExpressionParameters(Request request, List<String> legacy, List<String> expressions) {
        checkNotMixed(request, legacy, expressions);
        if (request.has("ExpressionAttributeNames") && expressions.stream().noneMatch(request::has)) {
            throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        List<String> valueExpressions = new ArrayList<>(expressions);
        valueExpressions.remove("ProjectionExpression");
        if (!valueExpressions.isEmpty() && request.has("ExpressionAttributeValues")
                && valueExpressions.stream().noneMatch(request::has)) {
            throw DynamoException.validation("ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", valueExpressions) + (valueExpressions.size() > 1 ? " are" : " is")
                    + " null");
        }
    }

    /**
     * The request's ExpressionAttributeNames and Values, checked: not empty, only with expressions
     * ({@code expressionsNull} names the expressions for the message, null when one is present).
     */
    static ExpressionContext context(Request request, String expressionsNull, boolean valuesAllowed) {
        Map<String, String> names = request.stringMap("ExpressionAttributeNames");
        Map<String, Object> rawValues = valuesAllowed ? request.map("ExpressionAttributeValues") : null;
        if (expressionsNull != null && names != null) {
            throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (expressionsNull != null && rawValues != null) {
            throw DynamoException.validation("ExpressionAttributeValues can only be specified when using "
                    + "expressions: " + expressionsNull);
        }
        if (names != null && names.isEmpty()) {
            throw DynamoException.validation("ExpressionAttributeNames must not be empty");
        }
        if (rawValues != null && rawValues.isEmpty()) {
            throw DynamoException.validation("ExpressionAttributeValues must not be empty");
        }
        Map<String, AttributeValue> values = null;
        if (rawValues != null) {
            values = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : rawValues.entrySet()) {
                try {
                    values.put(e.getKey(), AttributeValues.value(e.getValue()));
                } catch (DynamoException invalid) {
                    if (!invalid.shortType().equals("ValidationException")) {
                        throw invalid;
                    }
                    throw DynamoException.validation("ExpressionAttributeValues contains invalid value: "
                            + invalid.getMessage() + " for key " + e.getKey());
                }
            }
        }
        return new ExpressionContext(names, values);
    }

    /** ItemCollectionMetrics for a write to a table with local indexes, when asked for. */
    static Map<String, Object> collectionMetrics(Request request, Table table, Map<String, AttributeValue> item) {
        if (!"SIZE".equals(request.string("ReturnItemCollectionMetrics"))
                || table.metadata().localIndexes().isEmpty() || item == null) {
            return null;
        }
        String hashName = table.keySchema().hashName();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("ItemCollectionKey", Map.of(hashName, item.get(hashName)));
        long bytes = 0;
        for (Map<String, AttributeValue> member : table.partition(item.get(hashName)).values()) {
            bytes += io.dynamokit.engine.model.ItemSize.of(member);
        }
        double gigabytes = bytes / (1024.0 * 1024 * 1024);
        metrics.put("SizeEstimateRangeGB", List.of(Math.floor(gigabytes), Math.floor(gigabytes) + 1.0));
        return metrics;
    }
}
