package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.ConditionExpression;
import io.dynamokit.engine.expressions.KeyCondition;
import io.dynamokit.engine.expressions.LegacyTrees;
import io.dynamokit.engine.expressions.RangeCondition;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.model.KeyOrder;
import io.dynamokit.engine.protocol.AttributeValues;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.KeySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legacy condition maps with DynamoDB's checks and messages, in its order: Expected (PutItem, UpdateItem,
 * DeleteItem, with Exists and Value or a ComparisonOperator), QueryFilter and ScanFilter (a ComparisonOperator and
 * its AttributeValueList), KeyConditions (the same, then bound to the key schema read), and ConditionalOperator.
 * What they mean is left to {@link LegacyTrees}, which builds the trees the expressions evaluate.
 */
final class LegacyConditions {
    static final String[] OPERATORS = {"IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE",
        "LE", "BEGINS_WITH", "GE", "CONTAINS"};
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Set<String> SCALARS = Set.of("S", "N", "B");
    /** Operators restricted to some value types; EQ and NE take values of every type. */
    private static final Map<String, Set<String>> VALUE_TYPES = Map.of("LE", SCALARS, "LT", SCALARS, "GE", SCALARS,
            "GT", SCALARS, "CONTAINS", SCALARS, "NOT_CONTAINS", SCALARS, "IN", SCALARS, "BETWEEN", SCALARS,
            "BEGINS_WITH", Set.of("S", "B"));
    private static final Set<String> NOT_INDEXABLE = Set.of("NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS",
            "IN");

    private LegacyConditions() {
    }

    /** One entry of a condition map as sent, its members read with their JSON types and nothing else checked. */
    record Entry(String attribute, String operator, List<Object> valueList, Object value, Boolean exists) {
    }

    /** The entries of a condition map member in request order; null when the request does not carry it. */
    static List<Entry> read(Request request, String member) {
        Map<String, Object> map = request.map(member);
        if (map == null) {
            return null;
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Map<String, Object> condition = Nodes.struct(e.getValue());
            if (condition == null) {
                condition = Map.of();
            }
            entries.add(new Entry(e.getKey(), Nodes.string(condition.get("ComparisonOperator")),
                    Nodes.list(condition.get("AttributeValueList")), Nodes.struct(condition.get("Value")),
                    Nodes.bool(condition.get("Exists"))));
        }
        return entries;
    }

    /**
     * The first pass's constraints on the entries' ComparisonOperator ({@code required} for QueryFilter, ScanFilter
     * and KeyConditions), named as DynamoDB names them ({@code queryFilter.a.member.comparisonOperator}) and, as
     * DynamoDB lists the members of a map, from the last entry to the first.
     */
    static void constrain(Constraints c, String member, List<Entry> entries, boolean required) {
        if (entries == null) {
            return;
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            String path = Character.toLowerCase(member.charAt(0)) + member.substring(1) + "." + entry.attribute()
                    + ".member.comparisonOperator";
            if (required) {
                c.notNull(path, entry.operator());
            }
            c.oneOf(path, entry.operator(), OPERATORS);
        }
    }

    /**
     * ConditionalOperator joins the conditions of a legacy map, so DynamoDB refuses it without one
     * ({@code conditions} null or empty) or with a single condition.
     */
    static void checkConditionalOperator(Request request, List<Entry> conditions) {
        if (!request.has("ConditionalOperator")) {
            return;
        }
        if (conditions == null || conditions.isEmpty()) {
            throw DynamoException.validation("ConditionalOperator cannot be used without Filter or Expected");
        }
        if (conditions.size() == 1) {
            throw DynamoException.validation(
                    "ConditionalOperator can only be used when Filter or Expected has two or more elements");
        }
    }

    /** Expected, checked, as the condition it stands for; null without Expected or with an empty one. */
    static ConditionExpression expected(List<Entry> entries, String conditionalOperator) {
        if (entries == null) {
            return null;
        }
        List<LegacyTrees.Condition> conditions = new ArrayList<>();
        for (Entry entry : entries) {
            conditions.add(expectation(entry));
        }
        return LegacyTrees.condition(conditions, "OR".equals(conditionalOperator));
    }

    private static LegacyTrees.Condition expectation(Entry entry) {
        String name = entry.attribute();
        if (entry.valueList() != null && entry.value() != null) {
            throw invalid("Value and AttributeValueList cannot be used together for Attribute: " + name);
        }
        String operator = entry.operator();
        if (operator != null) {
            if (entry.exists() != null) {
                throw invalid("Exists and ComparisonOperator cannot be used together for Attribute: " + name);
            }
            if (!operator.equals("NULL") && !operator.equals("NOT_NULL") && entry.valueList() == null
                    && entry.value() == null) {
                throw invalid("Value or AttributeValueList must be used with ComparisonOperator: " + operator
                        + " for Attribute: " + name);
            }
            List<AttributeValue> values = entry.value() != null ? List.of(AttributeValues.value(entry.value()))
                    : values(entry.valueList());
            checkValues(operator, values);
            return new LegacyTrees.Condition(name, operator, values);
        }
        if (entry.valueList() != null) {
            throw invalid("AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name);
        }
        boolean exists = entry.exists() == null || entry.exists();
        if (exists && entry.value() == null) {
            throw invalid("Value must be provided when Exists is " + entry.exists() + " for Attribute: " + name);
        }
        if (!exists && entry.value() != null) {
            throw invalid("Value cannot be used when Exists is false for Attribute: " + name);
        }
        if (!exists) {
            return new LegacyTrees.Condition(name, "NULL", List.of());
        }
        return new LegacyTrees.Condition(name, "EQ", List.of(AttributeValues.value(entry.value())));
    }

    /** A QueryFilter, ScanFilter or KeyConditions map, checked: each entry's values, then what its operator takes. */
    static List<LegacyTrees.Condition> conditions(List<Entry> entries) {
        List<LegacyTrees.Condition> conditions = new ArrayList<>();
        if (entries == null) {
            return conditions;
        }
        for (Entry entry : entries) {
            List<AttributeValue> values = values(entry.valueList());
            checkValues(entry.operator(), values);
            conditions.add(new LegacyTrees.Condition(entry.attribute(), entry.operator(), values));
        }
        return conditions;
    }

    /** A QueryFilter or ScanFilter as the filter it stands for; null when there is none. */
    static ConditionExpression filter(List<LegacyTrees.Condition> conditions, String conditionalOperator) {
        return LegacyTrees.condition(conditions, "OR".equals(conditionalOperator));
    }

    private static List<AttributeValue> values(List<Object> nodes) {
        List<AttributeValue> values = new ArrayList<>();
        if (nodes != null) {
            for (Object node : nodes) {
                values.add(AttributeValues.value(node));
            }
        }
        return values;
    }

    /** The number of values, their common type, the types the operator takes, and BETWEEN's bounds in order. */
    private static void checkValues(String operator, List<AttributeValue> values) {
        int n = values.size();
        boolean fits = switch (operator) {
            case "NULL", "NOT_NULL" -> n == 0;
            case "IN" -> n >= 1;
            case "BETWEEN" -> n == 2;
            default -> n == 1;
        };
        if (!fits) {
            throw invalid("Invalid number of argument(s) for the " + operator + " ComparisonOperator");
        }
        for (AttributeValue value : values) {
            if (!value.type().equals(values.get(0).type())) {
                throw invalid("AttributeValues inside AttributeValueList must be of same type");
            }
        }
        Set<String> types = VALUE_TYPES.get(operator);
        for (AttributeValue value : values) {
            if (types != null && !types.contains(value.type())) {
                throw invalid("ComparisonOperator " + operator + " is not valid for " + value.type()
                        + " AttributeValue type");
            }
        }
        if (operator.equals("BETWEEN") && KeyOrder.INSTANCE.compare(values.get(0), values.get(1)) > 0) {
            throw DynamoException.validation(
                    "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
    }

    /** KeyConditions may hold one or two conditions (checked once the request's other checks passed). */
    static void checkKeyConditionCount(List<LegacyTrees.Condition> conditions) {
        if (conditions.size() != 1 && conditions.size() != 2) {
            throw DynamoException.validation("Conditions can be of length 1 or 2 only");
        }
    }

    /**
     * KeyConditions bound to the key schema read (the table's or the index's): an equality on the partition key and
     * optionally an indexable condition on the sort key, with values of the keys' types.
     */
    static KeyCondition keyCondition(List<LegacyTrees.Condition> conditions, KeySchema keys) {
        LegacyTrees.Condition hash = null;
        LegacyTrees.Condition range = null;
        for (int i = 0; i < (keys.hasRange() ? 2 : 1); i++) {
            boolean isHash = i == 0;
            String name = isHash ? keys.hashName() : keys.rangeName();
            String type = isHash ? keys.hashType() : keys.rangeType();
            if (isHash && !keys.hasRange() && conditions.size() > 1) {
                throw DynamoException.validation("Query key condition not supported");
            }
            LegacyTrees.Condition condition = find(conditions, name);
            if (condition == null) {
                if (isHash || conditions.size() > 1) {
                    throw DynamoException.validation("Query condition missed key schema element: " + name);
                }
                continue;
            }
            if (NOT_INDEXABLE.contains(condition.operator())) {
                throw DynamoException.validation("Attempted conditional constraint is not an indexable operation");
            }
            for (AttributeValue value : condition.values()) {
                if (!value.type().equals(type)) {
                    throw invalid("Condition parameter type does not match schema type");
                }
            }
            if (isHash && !condition.operator().equals("EQ")) {
                throw DynamoException.validation("Query key condition not supported");
            }
            if (isHash) {
                hash = condition;
            } else {
                range = condition;
            }
        }
        if (range == null) {
            return new KeyCondition(hash.values().get(0), null);
        }
        List<AttributeValue> values = range.values();
        return new KeyCondition(hash.values().get(0), new RangeCondition(RangeCondition.Op.valueOf(range.operator()),
                values.get(0), values.size() > 1 ? values.get(1) : null));
    }

    private static LegacyTrees.Condition find(List<LegacyTrees.Condition> conditions, String attribute) {
        for (LegacyTrees.Condition condition : conditions) {
            if (condition.attribute().equals(attribute)) {
                return condition;
            }
        }
        return null;
    }

    private static DynamoException invalid(String detail) {
        return DynamoException.validation(INVALID + detail);
    }
}
