package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.ConditionExpression;
import io.dynamokit.engine.expressions.ExpressionContext;
import io.dynamokit.engine.expressions.LegacyTrees;
import io.dynamokit.engine.expressions.ProjectionExpression;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.IndexDefinition;
import io.dynamokit.engine.storage.IndexKey;
import io.dynamokit.engine.storage.ItemKey;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Scan: every item of a table or index in partition token order, one page at a time (see {@link PageReader}); a
 * parallel scan's segment is one of TotalSegments equal ranges of partition tokens, so segments are disjoint and
 * together cover the table.
 */
final class Scan implements Operation {
    private static final List<String> EXPRESSIONS = List.of("ProjectionExpression", "FilterExpression");
    private static final List<String> LEGACY = List.of("AttributesToGet", "ScanFilter", "ConditionalOperator");
    private static final long MAX_SEGMENTS = 1_000_000;

    private final Storage storage;

    Scan(Storage storage) {
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
        Long segment = request.integer("Segment");
        Long totalSegments = request.integer("TotalSegments");
        List<String> attributesToGet = request.strings("AttributesToGet");
        String conditionalOperator = request.string("ConditionalOperator");
        List<LegacyConditions.Entry> scanFilter = LegacyConditions.read(request, "ScanFilter");
        String filterText = request.string("FilterExpression");
        String projectionText = request.string("ProjectionExpression");

        Constraints constraints = new Constraints()
                .atLeast("limit", limit, 1)
                .oneOf("returnConsumedCapacity", consumedCapacity, ReadRequests.RETURN_CONSUMED_CAPACITY)
                .size("attributesToGet", attributesToGet, 1, 255)
                .atLeast("segment", segment, 0).atMost("segment", segment, MAX_SEGMENTS - 1)
                .oneOf("select", select, ReadRequests.SELECTS);
        LegacyConditions.constrain(constraints, "ScanFilter", scanFilter, true);
        constraints.oneOf("conditionalOperator", conditionalOperator, "OR", "AND")
                .atLeast("totalSegments", totalSegments, 1).atMost("totalSegments", totalSegments, MAX_SEGMENTS);
        ItemRequests.tableName(constraints, tableName);
        constraints.name("indexName", indexName).check();

        ExpressionContext context = ReadRequests.expressionContext(request, EXPRESSIONS, LEGACY);
        LegacyConditions.checkConditionalOperator(request, scanFilter);
        ProjectionExpression attributeProjection = LegacyUpdates.attributesToGet(attributesToGet);
        List<LegacyTrees.Condition> filterConditions = LegacyConditions.conditions(scanFilter);
        Map<String, AttributeValue> startKey = ReadRequests.startKey(request);
        if (segment != null && totalSegments == null) {
            throw DynamoException.validation("The TotalSegments parameter is required but was not present in the "
                    + "request when Segment parameter is present");
        }
        if (totalSegments != null) {
            if (segment == null) {
                throw DynamoException.validation("The Segment parameter is required but was not present in the "
                        + "request when parameter TotalSegments is present");
            }
            if (segment >= totalSegments) {
                throw DynamoException.validation("The Segment parameter is zero-based and must be less than "
                        + "parameter TotalSegments: Segment: " + segment + " is not less than TotalSegments: "
                        + totalSegments);
            }
        }
        ConditionExpression filter = filterText == null
                ? LegacyConditions.filter(filterConditions, conditionalOperator)
                : ConditionExpression.parse(filterText, context, "FilterExpression");
        ProjectionExpression projection = projectionText == null ? attributeProjection
                : ProjectionExpression.parse(projectionText, context);
        context.checkAllUsed();
        String effectiveSelect = ReadRequests.select(select, projectionText != null ? "ProjectionExpression"
                : attributesToGet != null ? "AttributesToGet" : null, indexName != null);

        return storage.read(() -> {
            Table table = ReadRequests.table(storage, tableName);
            IndexDefinition index = ReadRequests.index(storage, table, indexName, consistentRead, effectiveSelect);
            if (startKey != null) {
                ReadRequests.checkStartKey(startKey, table, index, index == null);
                if (totalSegments != null) {
                    checkStartKeyInSegment(startKey, table, index, segment.intValue(), totalSegments.intValue());
                }
            }
            PageReader reader = new PageReader(table, index, effectiveSelect, projection, filter, limit,
                    consistentRead, consumedCapacity);
            int segmentNumber = segment == null ? 0 : segment.intValue();
            int segments = totalSegments == null ? 1 : totalSegments.intValue();
            return reader.read(entries(table, index, segmentNumber, segments, startKey).values(), null);
        });
    }

    private static NavigableMap<?, Map<String, AttributeValue>> entries(Table table, IndexDefinition index,
            int segment, int totalSegments, Map<String, AttributeValue> startKey) {
        if (index == null) {
            NavigableMap<ItemKey, Map<String, AttributeValue>> items = table.segment(segment, totalSegments);
            return startKey == null ? items : items.tailMap(table.keySchema().keyOf(startKey), false);
        }
        NavigableMap<IndexKey, Map<String, AttributeValue>> entries = table.index(index.name()).entries();
        IndexKey from = IndexKey.tokenStart(ItemKey.segmentStart(segment, totalSegments));
        entries = segment == totalSegments - 1 ? entries.tailMap(from, true)
                : entries.subMap(from, true, IndexKey.tokenStart(ItemKey.segmentStart(segment + 1, totalSegments)),
                        false);
        if (startKey == null) {
            return entries;
        }
        return entries.tailMap(new IndexKey(index.keySchema().keyOf(startKey), table.keySchema().keyOf(startKey)),
                false);
    }

    /** A parallel scan continues only within its own segment. */
    private static void checkStartKeyInSegment(Map<String, AttributeValue> startKey, Table table,
            IndexDefinition index, int segment, int totalSegments) {
        String hashName = index == null ? table.keySchema().hashName() : index.keySchema().hashName();
        long token = ItemKey.token(startKey.get(hashName));
        boolean after = Long.compareUnsigned(token, ItemKey.segmentStart(segment, totalSegments)) >= 0;
        boolean before = segment == totalSegments - 1
                || Long.compareUnsigned(token, ItemKey.segmentStart(segment + 1, totalSegments)) < 0;
        if (!after || !before) {
            throw ReadRequests.invalidStartKey("Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct "
                    + "Segment. TotalSegments: " + totalSegments + " Segment: " + segment);
        }
    }
}
