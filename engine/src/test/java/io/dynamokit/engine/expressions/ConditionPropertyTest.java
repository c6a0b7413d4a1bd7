package io.dynamokit.engine.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.expressions.ConditionModel.And;
import io.dynamokit.engine.expressions.ConditionModel.Attr;
import io.dynamokit.engine.expressions.ConditionModel.Betw;
import io.dynamokit.engine.expressions.ConditionModel.Cmp;
import io.dynamokit.engine.expressions.ConditionModel.Cond;
import io.dynamokit.engine.expressions.ConditionModel.Fn;
import io.dynamokit.engine.expressions.ConditionModel.InList;
import io.dynamokit.engine.expressions.ConditionModel.Not;
import io.dynamokit.engine.expressions.ConditionModel.Operand;
import io.dynamokit.engine.expressions.ConditionModel.Or;
import io.dynamokit.engine.expressions.ConditionModel.Size;
import io.dynamokit.engine.expressions.ConditionModel.Val;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random conditions over random items: the text the model renders, parsed and evaluated by the engine, agrees with
 * the model's reference evaluator, and where the model expects DynamoDB's operand error, the engine reports it.
 */
class ConditionPropertyTest {
    private static final List<String> PATHS = List.of("a0", "a1", "a2", "m.k", "l[0]", "l[1]");
    private static final List<String> TYPE_NAMES = List.of("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L",
            "M");

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void engineAgreesWithReference(@ForAll("conditions") Cond condition, @ForAll("items") Map<String,
            AttributeValue> item) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        String text = ConditionModel.render(condition, values, names);
        ExpressionContext ctx = new ExpressionContext(names, values);
        String error = ConditionModel.expectedError(condition);
        if (error != null) {
            assertThatThrownBy(() -> ConditionExpression.parse(text, ctx, "FilterExpression"))
                    .as(text).isInstanceOf(DynamoException.class)
                    .hasMessage("Invalid FilterExpression: " + error);
            return;
        }
        ConditionExpression parsed = ConditionExpression.parse(text, ctx, "FilterExpression");
        assertThat(parsed.test(item)).as(text + " on " + item).isEqualTo(ConditionModel.eval(condition, item));
        assertThat(parsed.test(null)).as(text + " on no item").isEqualTo(ConditionModel.eval(condition, Map.of()));
        ctx.checkAllUsed();
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void notBindsTighterThanAndWhichBindsTighterThanOr(@ForAll("simple") Cond a, @ForAll("simple") Cond b,
            @ForAll("simple") Cond c, @ForAll("items") Map<String, AttributeValue> item) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        String text = "NOT " + ConditionModel.render(a, values, names) + " OR "
                + ConditionModel.render(b, values, names) + " AND " + ConditionModel.render(c, values, names);
        Cond expected = new Or(new Not(a), new And(b, c));
        if (ConditionModel.expectedError(expected) != null) {
            return;
        }
        ConditionExpression parsed = ConditionExpression.parse(text, new ExpressionContext(names, values),
                "ConditionExpression");
        assertThat(parsed.test(item)).as(text).isEqualTo(ConditionModel.eval(expected, item));
    }

    @Provide
    Arbitrary<Cond> conditions() {
        return Arbitraries.recursive(this::simpleConditions, inner -> Arbitraries.oneOf(
                Combinators.combine(inner, inner).as(And::new),
                Combinators.combine(inner, inner).as(Or::new),
                inner.map(Not::new)), 0, 3);
    }

    @Provide
    Arbitrary<Cond> simple() {
        return simpleConditions();
    }

    private Arbitrary<Cond> simpleConditions() {
        Arbitrary<Cond> compare = Combinators.combine(Arbitraries.of("=", "<>", "<", "<=", ">", ">="), operands(),
                operands()).as(Cmp::new);
        Arbitrary<Cond> between = Combinators.combine(operands(), scalarValues(), scalarValues()).as(Betw::new);
        Arbitrary<Cond> in = Combinators.combine(operands(), values().list().ofMinSize(1).ofMaxSize(4))
                .as(InList::new);
        Arbitrary<Cond> exists = Combinators.combine(Arbitraries.of("attribute_exists", "attribute_not_exists"),
                attrs()).as((name, attr) -> new Fn(name, attr, null));
        Arbitrary<Cond> type = Combinators.combine(attrs(), Arbitraries.of(TYPE_NAMES))
                .as((attr, t) -> new Fn("attribute_type", attr, new Val(AttributeValue.s(t))));
        Arbitrary<Cond> beginsWith = Combinators.combine(attrs(), Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, scalarValues()), net.jqwik.api.Tuple.of(1, values())))
                .as((attr, v) -> new Fn("begins_with", attr, v));
        Arbitrary<Cond> contains = Combinators.combine(attrs(), values())
                .as((attr, v) -> new Fn("contains", attr, v));
        return Arbitraries.oneOf(compare, between, in, exists, type, beginsWith, contains);
    }

    private Arbitrary<Attr> attrs() {
        return Combinators.combine(Arbitraries.of(PATHS), Arbitraries.of(true, false)).as(Attr::new);
    }

    private Arbitrary<Operand> operands() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, attrs().map(a -> (Operand) a)),
                net.jqwik.api.Tuple.of(4, values().map(v -> (Operand) v)),
                net.jqwik.api.Tuple.of(1, attrs().map(a -> (Operand) new Size(a))));
    }

    private Arbitrary<Val> scalarValues() {
        return Arbitraries.oneOf(strings(), numbers(), binaries()).map(Val::new);
    }

    private Arbitrary<Val> values() {
        return anyValue(1).map(Val::new);
    }

    @Provide
    Arbitrary<Map<String, AttributeValue>> items() {
        Arbitrary<AttributeValue> value = anyValue(1);
        return Combinators.combine(value.injectNull(0.3), value.injectNull(0.3), value.injectNull(0.3),
                anyValue(1).map(v -> (AttributeValue) new AttributeValue.M(Map.of("k", v))).injectNull(0.4),
                value.list().ofMaxSize(3).map(l -> (AttributeValue) new AttributeValue.L(l)).injectNull(0.3))
                .as((a0, a1, a2, m, l) -> {
                    Map<String, AttributeValue> item = new LinkedHashMap<>();
                    putIfPresent(item, "a0", a0);
                    putIfPresent(item, "a1", a1);
                    putIfPresent(item, "a2", a2);
                    putIfPresent(item, "m", m);
                    putIfPresent(item, "l", l);
                    return item;
                });
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, AttributeValue value) {
        if (value != null) {
            item.put(name, value);
        }
    }

    private Arbitrary<AttributeValue> anyValue(int depth) {
        Arbitrary<AttributeValue> scalars = Arbitraries.oneOf(strings(), numbers(), binaries(),
                Arbitraries.of(AttributeValue.TRUE, AttributeValue.FALSE, AttributeValue.NULL_VALUE),
                Arbitraries.of("a", "b", "ab").set().ofMinSize(1).ofMaxSize(2)
                        .map(s -> (AttributeValue) new AttributeValue.SS(new LinkedHashSet<>(s))),
                Arbitraries.of("1", "2", "2.0", "-1").set().ofMinSize(1).ofMaxSize(2)
                        .map(s -> (AttributeValue) new AttributeValue.NS(canonicalSet(s))));
        if (depth == 0) {
            return scalars;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, scalars),
                net.jqwik.api.Tuple.of(1, anyValue(depth - 1).list().ofMaxSize(2)
                        .map(l -> (AttributeValue) new AttributeValue.L(l))),
                net.jqwik.api.Tuple.of(1, anyValue(depth - 1).map(v -> (AttributeValue) new AttributeValue.M(
                        Map.of("k", v)))));
    }

    private static LinkedHashSet<String> canonicalSet(java.util.Set<String> texts) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String t : texts) {
            out.add(AttributeValue.n(t).value());
        }
        return out;
    }

    private Arbitrary<AttributeValue> strings() {
        return Arbitraries.of("a", "ab", "b", "ba", "abc", "2").map(AttributeValue::s);
    }

    private Arbitrary<AttributeValue> numbers() {
        return Arbitraries.of("-1", "0", "1", "1.0", "1.5", "2", "10", "3").map(AttributeValue::n);
    }

    private Arbitrary<AttributeValue> binaries() {
        return Arbitraries.of("a", "ab", "b", "\u00ff").map(s -> AttributeValue.b(s.getBytes(StandardCharsets.UTF_8)));
    }
}
