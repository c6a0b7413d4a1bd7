package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all its expressions, and
 * which of them the expressions used: DynamoDB refuses a request that provides a name or value no expression uses.
 */
public final class ExpressionContext {
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    /** Either map may be null when the request does not carry it. */
    public ExpressionContext(Map<String, String> expressionAttributeNames,
            Map<String, AttributeValue> expressionAttributeValues) {
        this.names = expressionAttributeNames;
        this.values = expressionAttributeValues;
    }

    /** To call once every expression of the request was parsed. */
    public void checkAllUsed() {
        List<String> unusedNames = unused(names == null ? null : names.keySet(), usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        List<String> unusedValues = unused(values == null ? null : values.keySet(), usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoException.validation(
                    "Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                            + String.join(", ", unusedValues) + "}");
        }
    }

    private static List<String> unused(Set<String> provided, Set<String> used) {
        List<String> unused = new ArrayList<>();
        if (provided != null) {
            for (String key : provided) {
                if (!used.contains(key)) {
                    unused.add(key);
                }
            }
        }
        return unused;
    }

    /** The attribute name for {@code #ref}, marking it used; null when the request does not define it. */
    String name(String ref) {
        String name = names == null ? null : names.get(ref);
        if (name != null) {
            usedNames.add(ref);
        }
        return name;
    }

    /** The value for {@code :ref}, marking it used; null when the request does not define it. */
    AttributeValue value(String ref) {
        AttributeValue value = values == null ? null : values.get(ref);
        if (value != null) {
            usedValues.add(ref);
        }
        return value;
    }
}
