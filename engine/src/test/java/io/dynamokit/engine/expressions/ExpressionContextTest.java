package io.dynamokit.engine.expressions;

import static io.dynamokit.engine.expressions.Fixtures.assertValidation;
import static io.dynamokit.engine.expressions.Fixtures.names;
import static io.dynamokit.engine.expressions.Fixtures.s;

import io.dynamokit.engine.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionContextTest {

    private static Map<String, AttributeValue> values(String... refs) {
        Map<String, AttributeValue> v = new LinkedHashMap<>();
        for (String ref : refs) {
            v.put(ref, s("x"));
        }
        return v;
    }

    @Test
    void everythingUsedAcrossExpressions() {
        ExpressionContext ctx = new ExpressionContext(names("#a", "a", "#b", "b"), values(":v", ":w"));
        ConditionExpression.parse("#a = :v", ctx, "ConditionExpression");
        UpdateExpression.parse("SET #b = :w", ctx);
        ctx.checkAllUsed();
        new ExpressionContext(null, null).checkAllUsed();
    }

    @Test
    void unusedNamesBeforeUnusedValues() {
        ExpressionContext ctx = new ExpressionContext(names("#a", "a", "#unused", "u", "#other", "o"),
                values(":v", ":unused"));
        ProjectionExpression.parse("#a", ctx);
        assertValidation(ctx::checkAllUsed,
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused, #other}");
    }

    @Test
    void unusedValues() {
        ExpressionContext ctx = new ExpressionContext(null, values(":v", ":unused"));
        ConditionExpression.parse("a = :v", ctx, "FilterExpression");
        assertValidation(ctx::checkAllUsed,
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
        ExpressionContext none = new ExpressionContext(null, values(":unused"));
        assertValidation(none::checkAllUsed,
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
    }
}
