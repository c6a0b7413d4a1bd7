package io.dynamokit.engine.expressions;

import static io.dynamokit.engine.expressions.Fixtures.assertValidation;
import static io.dynamokit.engine.expressions.Fixtures.b;
import static io.dynamokit.engine.expressions.Fixtures.n;
import static io.dynamokit.engine.expressions.Fixtures.names;
import static io.dynamokit.engine.expressions.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamokit.engine.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyConditionExpressionTest {

    private static Map<String, AttributeValue> values() {
        Map<String, AttributeValue> v = new LinkedHashMap<>();
        v.put(":pk", s("p"));
        v.put(":a", s("a"));
        v.put(":c", s("c"));
        v.put(":one", n("1"));
        v.put(":five", n("5"));
        v.put(":bin", b("ab"));
        return v;
    }

    private static KeyConditionExpression parse(String text) {
        return KeyConditionExpression.parse(text, new ExpressionContext(names("#pk", "pk", "#sk", "sk"), values()));
    }

    private static KeyCondition bind(String text) {
        return parse(text).bind("pk", "S", "sk", "S");
    }

    @Test
    void hashOnly() {
        KeyCondition k = bind("#pk = :pk");
        assertThat(k.hashValue()).isEqualTo(s("p"));
        assertThat(k.rangeOrNull()).isNull();
        assertThat(parse("pk = :pk").bind("pk", "S", null, null).hashValue()).isEqualTo(s("p"));
    }

    @Test
    void rangeConditions() {
        assertThat(bind("pk = :pk AND sk = :a").rangeOrNull()).isEqualTo(
                new RangeCondition(RangeCondition.Op.EQ, s("a"), null));
        assertThat(bind("pk = :pk AND sk < :a").rangeOrNull().op()).isEqualTo(RangeCondition.Op.LT);
        assertThat(bind("pk = :pk AND sk <= :a").rangeOrNull().op()).isEqualTo(RangeCondition.Op.LE);
        assertThat(bind("pk = :pk AND sk > :a").rangeOrNull().op()).isEqualTo(RangeCondition.Op.GT);
        assertThat(bind("sk >= :a AND pk = :pk").rangeOrNull().op()).isEqualTo(RangeCondition.Op.GE);
        assertThat(bind(":a < sk AND :pk = pk").rangeOrNull().op()).isEqualTo(RangeCondition.Op.GT);
        assertThat(bind("pk = :pk AND sk BETWEEN :a AND :c").rangeOrNull()).isEqualTo(
                new RangeCondition(RangeCondition.Op.BETWEEN, s("a"), s("c")));
        assertThat(bind("(#pk = :pk) AND (begins_with(#sk, :a))").rangeOrNull()).isEqualTo(
                new RangeCondition(RangeCondition.Op.BEGINS_WITH, s("a"), null));
        assertThat(bind("(#pk = :pk AND (#sk = :a))").rangeOrNull().op()).isEqualTo(RangeCondition.Op.EQ);
    }

    @Test
    void rangeConditionTests() {
        RangeCondition between = new RangeCondition(RangeCondition.Op.BETWEEN, n("1"), n("5"));
        assertThat(between.test(n("1"))).isTrue();
        assertThat(between.test(n("5.0"))).isTrue();
        assertThat(between.test(n("5.01"))).isFalse();
        assertThat(between.test(s("3"))).isFalse();
        assertThat(between.test(null)).isFalse();
        assertThat(new RangeCondition(RangeCondition.Op.LT, n("10"), null).test(n("9"))).isTrue();
        assertThat(new RangeCondition(RangeCondition.Op.LE, n("10"), null).test(n("10"))).isTrue();
        assertThat(new RangeCondition(RangeCondition.Op.GT, n("10"), null).test(n("10"))).isFalse();
        assertThat(new RangeCondition(RangeCondition.Op.GE, n("10"), null).test(n("10"))).isTrue();
        assertThat(new RangeCondition(RangeCondition.Op.EQ, n("10"), null).test(n("1E1"))).isTrue();
        assertThat(new RangeCondition(RangeCondition.Op.BEGINS_WITH, s("al"), null).test(s("alpha"))).isTrue();
        assertThat(new RangeCondition(RangeCondition.Op.BEGINS_WITH, s("al"), null).test(s("beta"))).isFalse();
        assertThat(new RangeCondition(RangeCondition.Op.BEGINS_WITH, b("ab"), null).test(b("abc"))).isTrue();
        // UTF-8 byte order, not UTF-16: U+FF5E sorts before U+1F600 in both, U+E000 after U+10000 only in UTF-8
        assertThat(new RangeCondition(RangeCondition.Op.LT, s("\ud83d\ude00"), null).test(s("\ue000"))).isTrue();
    }

    @Test
    void structureErrors() {
        assertValidation(() -> bind("pk = :pk OR sk = :a"), "Invalid operator used in KeyConditionExpression: OR");
        assertValidation(() -> bind("NOT pk = :pk"), "Invalid operator used in KeyConditionExpression: NOT");
        assertValidation(() -> bind("pk IN (:pk)"), "Invalid operator used in KeyConditionExpression: IN");
        assertValidation(() -> bind("pk <> :pk"), "Invalid operator used in KeyConditionExpression: <>");
        assertValidation(() -> bind("pk = :pk AND attribute_exists(sk)"),
                "Invalid operator used in KeyConditionExpression: attribute_exists");
        assertValidation(() -> bind("pk = :pk AND contains(sk, :a)"),
                "Invalid operator used in KeyConditionExpression: contains");
        assertValidation(() -> bind("size(pk) = :one"), "KeyConditionExpressions cannot contain nested operations");
        assertValidation(() -> bind("pk = :pk AND :a BETWEEN sk AND :c"),
                "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its "
                        + "first operand");
        assertValidation(() -> bind("pk = :pk AND begins_with(:a, sk)"),
                "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as "
                        + "its first operand");
        assertValidation(() -> bind("pk = sk"),
                "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        assertValidation(() -> bind(":pk = :a"), "Invalid condition in KeyConditionExpression: No key attribute "
                + "specified");
        assertValidation(() -> bind("pk.x = :pk"), "KeyConditionExpressions cannot have conditions on nested "
                + "attributes");
        assertValidation(() -> bind("pk = :pk AND pk = :a"),
                "KeyConditionExpressions must only contain one condition per key");
        assertValidation(() -> bind("pk = :pk AND sk = :a AND x = :c"), "Conditions can be of length 1 or 2 only");
    }

    @Test
    void structureIsCheckedWithoutTheSchema() {
        parse("pk = :pk AND begins_with(sk, :a)").checkStructure();
        assertValidation(() -> parse("pk = :pk OR sk = :a").checkStructure(),
                "Invalid operator used in KeyConditionExpression: OR");
        assertValidation(() -> parse("a = :a AND b = :a AND c = :c").checkStructure(),
                "Conditions can be of length 1 or 2 only");
    }

    @Test
    void schemaErrors() {
        assertValidation(() -> bind("sk = :a"), "Query condition missed key schema element: pk");
        assertValidation(() -> bind("color = :a"), "Query condition missed key schema element: pk");
        assertValidation(() -> bind("pk = :pk AND color = :a"), "Query condition missed key schema element: sk");
        assertValidation(() -> bind("pk > :pk"), "Query key condition not supported");
        assertValidation(() -> bind("begins_with(pk, :pk)"), "Query key condition not supported");
        assertValidation(() -> parse("pk = :pk AND sk = :a").bind("pk", "S", null, null),
                "Query key condition not supported");
        assertValidation(() -> bind("pk = :one"),
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertValidation(() -> bind("pk = :pk AND sk > :one"),
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }

    @Test
    void parseErrors() {
        assertValidation(() -> parse(""), "Invalid KeyConditionExpression: The expression can not be empty;");
        assertValidation(() -> parse("pk = :pk AND sk BETWEEN :five AND :one"),
                "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or "
                        + "equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: "
                        + "AttributeValue: {N:1}");
        assertValidation(() -> parse("pk = :pk AND begins_with(sk, :one)"),
                "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or "
                        + "function: begins_with, operand type: N");
        assertValidation(() -> parse("pk = :missing"), "Invalid KeyConditionExpression: An expression attribute "
                + "value used in expression is not defined; attribute value: :missing");
    }
}
