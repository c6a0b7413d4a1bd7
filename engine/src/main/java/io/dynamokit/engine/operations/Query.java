package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.ConditionExpression;
import io.dynamokit.engine.expressions.ExpressionContext;
import io.dynamokit.engine.expressions.KeyCondition;
import io.dynamokit.engine.expressions.KeyConditionExpression;
import io.dynamokit.engine.expressions.LegacyTrees;
import io.dynamokit.engine.expressions.ProjectionExpression;
import io.dynamokit.engine.expressions.RangeCondition;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.model.KeyOrder;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.IndexDefinition;
import io.dynamokit.engine.storage.IndexKey;
import io.dynamokit.engine.storage.ItemKey;
import io.dynamokit.engine.storage.KeySchema;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;

/**
 * Query: the items of one partition of a table or index, in sort key order (or reversed), narrowed by the sort key
 * condition, read one page at a time (see {@link PageReader}). Checks in DynamoDB's order: member types, member
 * constraints, expression parameters, the expressions themselves and Select; then, with the table, the index, the
 * key condition against its key schema, the ExclusiveStartKey, and the filter's use of key attributes.
 */
final class Query implements Operation {
    private static final List<String> EXPRESSIONS = List.of("ProjectionExpression", "FilterExpression",
            "KeyConditionExpression");
    private static final List<String> LEGACY = List.of("AttributesToGet", "QueryFilter", "ConditionalOperator",
            "KeyConditions");

    private final Storage storage;

    Query(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String tableName = request.string("TableName");
        String indexName = request.string("IndexName");
        Long limit = request.integer("Limit");
        String select = request.string("Select");
        String consumedCapacity = request.string("ReturnConsumedCapacity");
        boolean consistentRead = request.isTrue("ConsistentRead");
        Boolean forward = request.bool("ScanIndexForward");
        List<String> attributesToGet = request.strings("AttributesToGet");
        String conditionalOperator = request.string("ConditionalOperator");
        List<LegacyConditions.Entry> keyConditions = LegacyConditions.read(request, "KeyConditions");
        List<LegacyConditions.Entry> queryFilter = LegacyConditions.read(request, "QueryFilter");
        String keyConditionText = request.string("KeyConditionExpression");
        String filterText = request.string("FilterExpression");
        String projectionText = request.string("ProjectionExpression");

        Constraints constraints = new Constraints();
        if (limit != null && limit < 1) {
            // DynamoDB does not echo a Query's Limit, and names it with a capital L
            constraints.violation("Value at 'Limit' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 1");
        }
        constraints.oneOf("returnConsumedCapacity", consumedCapacity, ReadRequests.RETURN_CONSUMED_CAPACITY)
                .size("attributesToGet", attributesToGet, 1, 255)
                .oneOf("select", select, ReadRequests.SELECTS);
        LegacyConditions.constrain(constraints, "QueryFilter", queryFilter, true);
        constraints.oneOf("conditionalOperator", conditionalOperator, "OR", "AND");
        LegacyConditions.constrain(constraints, "KeyConditions", keyConditions, true);
        ItemRequests.tableName(constraints, tableName);
        constraints.name("indexName", indexName).check();

        ExpressionContext context = ReadRequests.expressionContext(request, EXPRESSIONS, LEGACY);
        LegacyConditions.checkConditionalOperator(request, queryFilter);
        List<LegacyTrees.Condition> filterConditions = LegacyConditions.conditions(queryFilter);
        ProjectionExpression attributeProjection = LegacyUpdates.attributesToGet(attributesToGet);
        Map<String, AttributeValue> startKey = ReadRequests.startKey(request);
        if (keyConditionText == null && keyConditions == null) {
            throw DynamoException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        KeyConditionExpression keyCondition = keyConditionText == null ? null
                : KeyConditionExpression.parse(keyConditionText, context);
        ConditionExpression filter = filterText == null
                ? LegacyConditions.filter(filterConditions, conditionalOperator)
                : ConditionExpression.parse(filterText, context, "FilterExpression");
        ProjectionExpression projection = projectionText == null ? attributeProjection
                : ProjectionExpression.parse(projectionText, context);
        context.checkAllUsed();
        List<LegacyTrees.Condition> legacyKeyConditions = LegacyConditions.conditions(keyConditions);
        if (keyCondition == null) {
            LegacyConditions.checkKeyConditionCount(legacyKeyConditions);
        }
        String effectiveSelect = ReadRequests.select(select, projectionText != null ? "ProjectionExpression"
                : attributesToGet != null ? "AttributesToGet" : null, indexName != null);
        String filterMember = filterText == null ? "QueryFilter" : "Filter Expression";

        return storage.read(() -> {
            Table table = ReadRequests.table(storage, tableName);
            IndexDefinition index = ReadRequests.index(storage, table, indexName, consistentRead, effectiveSelect);
            KeySchema keys = index == null ? table.keySchema() : index.keySchema();
            if (startKey != null) {
                ReadRequests.checkStartKey(startKey, table, index, false);
            }
            KeyCondition condition = keyCondition == null ? LegacyConditions.keyCondition(legacyKeyConditions, keys)
                    : keyCondition.bind(keys.hashName(), keys.hashType(), keys.rangeName(), keys.rangeType());
            if (startKey != null) {
                checkStartKeyInQuery(startKey, keys, condition);
            }
            if (filter != null) {
                checkFilterKeys(filter, keys, filterMember);
            }
            PageReader reader = new PageReader(table, index, effectiveSelect, projection, filter, limit,
                    consistentRead, consumedCapacity);
            boolean ascending = forward == null || forward;
            RangeCondition range = condition.rangeOrNull();
            Predicate<Map<String, AttributeValue>> inRange = range == null ? null
                    : entry -> range.test(entry.get(keys.rangeName()));
            return reader.read(entries(table, index, condition, startKey, ascending).values(), inRange);
        });
    }

    /**
     * The entries to read, in reading order: the partition, narrowed to the sort key condition's bounds where the
     * order allows (the page reader checks the condition itself), after the ExclusiveStartKey.
     */
    private static NavigableMap<?, Map<String, AttributeValue>> entries(Table table, IndexDefinition index,
            KeyCondition condition, Map<String, AttributeValue> startKey, boolean ascending) {
        AttributeValue hash = condition.hashValue();
        RangeCondition range = condition.rangeOrNull();
        if (index == null) {
            NavigableMap<ItemKey, Map<String, AttributeValue>> partition = table.partition(hash);
            AttributeValue lower = range == null ? null : lowerBound(range);
            if (lower != null) {
                partition = partition.tailMap(ItemKey.of(hash, lower), true);
            }
            AttributeValue upper = range == null ? null : upperBound(range);
            if (upper != null) {
                partition = partition.headMap(ItemKey.of(hash, upper), true);
            }
            if (!ascending) {
                partition = partition.descendingMap();
            }
            return startKey == null ? partition : partition.tailMap(table.keySchema().keyOf(startKey), false);
        }
        NavigableMap<IndexKey, Map<String, AttributeValue>> partition = table.index(index.name()).entries()
                .subMap(IndexKey.partitionStart(hash), true, IndexKey.partitionEnd(hash), true);
        AttributeValue lower = range == null ? null : lowerBound(range);
        if (lower != null) {
            // without a table key the position sorts before every entry with this index key
            partition = partition.tailMap(new IndexKey(ItemKey.of(hash, lower), null), true);
        }
        if (!ascending) {
            partition = partition.descendingMap();
        }
        if (startKey == null) {
            return partition;
        }
        IndexKey position = new IndexKey(index.keySchema().keyOf(startKey), table.keySchema().keyOf(startKey));
        return partition.tailMap(position, false);
    }

    private static AttributeValue lowerBound(RangeCondition range) {
        return switch (range.op()) {
            case EQ, GE, GT, BETWEEN, BEGINS_WITH -> range.first();
            default -> null;
        };
    }

    private static AttributeValue upperBound(RangeCondition range) {
        return switch (range.op()) {
            case EQ, LE, LT -> range.first();
            case BETWEEN -> range.secondOrNull();
            default -> null;
        };
    }

    /** The ExclusiveStartKey of a Query lies in the queried partition and within its sort key condition. */
    private static void checkStartKeyInQuery(Map<String, AttributeValue> startKey, KeySchema keys,
            KeyCondition condition) {
        AttributeValue hash = startKey.get(keys.hashName());
        if (KeyOrder.INSTANCE.compare(hash, condition.hashValue()) != 0) {
            throw DynamoException.validation(
                    "The provided starting key is outside query boundaries based on provided conditions");
        }
        RangeCondition range = condition.rangeOrNull();
        if (range != null && !range.test(startKey.get(keys.rangeName()))) {
            throw DynamoException.validation("The provided starting key does not match the range key predicate");
        }
    }

    /** A Query's filter may not use the key attributes of the table or index it reads: the key condition does. */
    private static void checkFilterKeys(ConditionExpression filter, KeySchema keys, String filterMember) {
        for (String name : new String[] {keys.hashName(), keys.rangeName()}) {
            if (name != null && filter.topLevelAttributes().contains(name)) {
                throw DynamoException.validation(filterMember + " can only contain non-primary key attributes: "
                        + "Primary key attribute: " + name);
            }
        }
    }
}
