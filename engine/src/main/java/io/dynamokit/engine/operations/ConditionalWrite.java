package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.ConditionExpression;
import io.dynamokit.engine.expressions.ExpressionContext;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Request;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What PutItem and DeleteItem check alike, in DynamoDB's order: the members' constraints, expression against legacy
 * parameters, the item or key, the condition (ConditionExpression or Expected), then ReturnValues (ALL_OLD or NONE).
 */
final class ConditionalWrite {
    private final String tableName;
    private final Map<String, AttributeValue> payload;
    private final ConditionExpression parsed;
    private final List<LegacyConditions.Entry> expected;
    private final String conditionalOperator;
    private final String returnValues;
    private final boolean returnOldOnFailure;

    private ConditionalWrite(Request request, String payloadMember) {
        tableName = request.string("TableName");
        Map<String, Object> raw = request.map(payloadMember);
        conditionalOperator = request.string("ConditionalOperator");
        expected = LegacyConditions.read(request, "Expected");
        Constraints c = new Constraints();
        ItemRequests.tableName(c, tableName);
        c.notNull(payloadMember.toLowerCase(Locale.ROOT), raw);
        c.oneOf("conditionalOperator", conditionalOperator, "OR", "AND");
        LegacyConditions.constrain(c, "Expected", expected, false);
        ItemRequests.returnOptions(c, request);
        c.check();
        ItemRequests.checkExpressionParameters(request, List.of("Expected", "ConditionalOperator"),
                List.of("ConditionExpression"));
        LegacyConditions.checkConditionalOperator(request, expected);
        payload = request.item(payloadMember);
        String conditionText = request.string("ConditionExpression");
        ExpressionContext ctx = ItemRequests.context(request, null, true);
        parsed = conditionText == null ? null
                : ConditionExpression.parse(conditionText, ctx, "ConditionExpression");
        ctx.checkAllUsed();
        returnValues = request.string("ReturnValues");
        if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw DynamoException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        returnOldOnFailure = "ALL_OLD".equals(request.string("ReturnValuesOnConditionCheckFailure"));
    }

    /** Checks a PutItem ({@code "Item"}) or DeleteItem ({@code "Key"}) request up to its ReturnValues. */
    static ConditionalWrite check(Request request, String payloadMember) {
        return new ConditionalWrite(request, payloadMember);
    }

    String tableName() {
        return tableName;
    }

    /** The item (PutItem) or the key (DeleteItem). */
    Map<String, AttributeValue> payload() {
        return payload;
    }

    String returnValues() {
        return returnValues;
    }

    /** The condition the write must meet, null for none; legacy Expected entries are checked when asked for. */
    ConditionExpression condition() {
        return parsed != null ? parsed : LegacyConditions.expected(expected, conditionalOperator);
    }

    /** Throws ConditionalCheckFailed (with the old item when asked for) unless the condition holds. */
    static void require(ConditionExpression condition, Map<String, AttributeValue> old, boolean returnOldOnFailure) {
        if (condition != null && !condition.test(old)) {
            throw DynamoException.conditionalCheckFailed(returnOldOnFailure ? old : null);
        }
    }

    boolean returnOldOnFailure() {
        return returnOldOnFailure;
    }
}
