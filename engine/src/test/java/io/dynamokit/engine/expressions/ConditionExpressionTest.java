package io.dynamokit.engine.expressions;

import static io.dynamokit.engine.expressions.Fixtures.assertValidation;
import static io.dynamokit.engine.expressions.Fixtures.b;
import static io.dynamokit.engine.expressions.Fixtures.bs;
import static io.dynamokit.engine.expressions.Fixtures.l;
import static io.dynamokit.engine.expressions.Fixtures.m;
import static io.dynamokit.engine.expressions.Fixtures.map;
import static io.dynamokit.engine.expressions.Fixtures.n;
import static io.dynamokit.engine.expressions.Fixtures.names;
import static io.dynamokit.engine.expressions.Fixtures.ns;
import static io.dynamokit.engine.expressions.Fixtures.s;
import static io.dynamokit.engine.expressions.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamokit.engine.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionExpressionTest {
    private static final Map<String, AttributeValue> ITEM = map(
            "name", s("alice"), "age", n("30"), "tags", ss("admin", "dev"), "nums", ns("1", "2.5"),
            "bin", b("abc"), "bins", bs("x", "y"), "lst", l(s("a"), n("1"), m("k", s("v"))),
            "map", m("nested", s("deep"), "deeper", m("x", n("7"))), "flag", AttributeValue.TRUE,
            "nothing", AttributeValue.NULL_VALUE);

    private static Map<String, AttributeValue> values() {
        Map<String, AttributeValue> v = new LinkedHashMap<>();
        v.put(":alice", s("alice"));
        v.put(":bob", s("bob"));
        v.put(":a", s("a"));
        v.put(":al", s("al"));
        v.put(":20", n("20"));
        v.put(":30", n("30"));
        v.put(":thirty", n("30.0"));
        v.put(":40", n("40"));
        v.put(":3", n("3"));
        v.put(":2", n("2"));
        v.put(":twohalf", n("2.50"));
        v.put(":admin", s("admin"));
        v.put(":ab", b("ab"));
        v.put(":x", b("x"));
        v.put(":S", s("S"));
        v.put(":SS", s("SS"));
        v.put(":NULL", s("NULL"));
        v.put(":true", AttributeValue.TRUE);
        v.put(":tags", ss("dev", "admin"));
        v.put(":deep", s("deep"));
        v.put(":7", n("7"));
        v.put(":list0", l(s("a")));
        v.put(":kv", m("k", s("v")));
        v.put(":one", n("1"));
        return v;
    }

    private static boolean eval(String expression, Map<String, AttributeValue> item) {
        ExpressionContext ctx = new ExpressionContext(names("#n", "name", "#m", "map"), values());
        return ConditionExpression.parse(expression, ctx, "ConditionExpression").test(item);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "#n = :alice | true",
        "#n = :bob | false",
        "#n <> :bob | true",
        "#n <> :alice | false",
        "absent <> :alice | true",
        "absent = :alice | false",
        "age = :thirty | true",
        "age < :40 | true",
        "age <= :30 | true",
        "age > :30 | false",
        "age >= :30 | true",
        "age > :alice | false",
        "age <> :alice | true",
        "#n > :al | true",
        "bin > :ab | true",
        "age BETWEEN :20 AND :40 | true",
        "age between :30 and :30 | true",
        "age BETWEEN :20 AND :20 | false",
        "#n BETWEEN :20 AND :40 | false",
        "age IN (:20, :30) | true",
        "age IN (:20) | false",
        "#n in (:bob, :alice) | true",
        "tags = :tags | true",
        "attribute_exists(age) | true",
        "attribute_exists(absent) | false",
        "attribute_not_exists(absent) | true",
        "attribute_exists(#m.nested) | true",
        "attribute_exists(#m.absent) | false",
        "attribute_exists(lst[2].k) | true",
        "attribute_exists(lst[3]) | false",
        "attribute_exists(age.x) | false",
        "attribute_type(tags, :SS) | true",
        "attribute_type(tags, :S) | false",
        "attribute_type(nothing, :NULL) | true",
        "attribute_type(absent, :S) | false",
        "begins_with(#n, :al) | true",
        "begins_with(#n, :a) | true",
        "begins_with(bin, :ab) | true",
        "begins_with(age, :al) | false",
        "contains(#n, :al) | true",
        "contains(tags, :admin) | true",
        "contains(nums, :twohalf) | true",
        "contains(nums, :2) | false",
        "contains(bins, :x) | true",
        "contains(lst, :a) | true",
        "contains(lst, :one) | true",
        "contains(lst, :kv) | true",
        "contains(lst, :list0) | false",
        "contains(age, :3) | false",
        "size(#n) = :40 | false",
        "size(#n) > :3 | true",
        "size(tags) = :2 | true",
        "size(lst) = :3 | true",
        "size(#m) = :2 | true",
        "size(bin) = :3 | true",
        "size(age) = :2 | false",
        "size(absent) = :2 | false",
        "#m.nested = :deep | true",
        "#m.deeper.x = :7 | true",
        "lst[0] = :a | true",
        "NOT #n = :bob | true",
        "NOT (#n = :alice) | false",
        "#n = :bob OR age = :30 | true",
        "#n = :bob AND age = :30 | false",
        "#n = :bob OR #n = :alice AND age = :20 | false",
        "(#n = :bob OR #n = :alice) AND age = :30 | true",
        "NOT #n = :bob AND age = :20 | false",
        "(age) = :30 | true",
        "(#n = :alice OR (#n = :bob)) | true",
        "flag = :true | true"
    })
    void evaluates(String expression, boolean expected) {
        assertThat(eval(expression, ITEM)).isEqualTo(expected);
    }

    @Test
    void noItemMeansEveryPathIsMissing() {
        assertThat(eval("attribute_not_exists(age)", null)).isTrue();
        assertThat(eval("age = :30", null)).isFalse();
        assertThat(eval("age <> :30", null)).isTrue();
    }

    @Test
    void keywordsAnyCase() {
        assertThat(eval("age bEtWeEn :20 aNd :40 Or NoT age In (:30)", ITEM)).isTrue();
    }

    @Test
    void topLevelAttributes() {
        ExpressionContext ctx = new ExpressionContext(names("#m", "map"), values());
        ConditionExpression c = ConditionExpression.parse("#m.nested = :deep AND size(lst[0]) > age",
                ctx, "FilterExpression");
        assertThat(c.topLevelAttributes()).containsExactly("map", "lst", "age");
    }

    private static void fails(String expression, String message) {
        ExpressionContext ctx = new ExpressionContext(names("#n", "name"), values());
        assertValidation(() -> ConditionExpression.parse(expression, ctx, "ConditionExpression"),
                "Invalid ConditionExpression: " + message);
    }

    @Test
    void emptyAndTooLong() {
        fails("", "The expression can not be empty;");
        fails("   ", "The expression can not be empty;");
        String longText = "a = :a OR ".repeat(410) + "a = :a";
        fails(longText, "Expression size has exceeded the maximum allowed size; expression size: " + longText.length());
    }

    @Test
    void syntaxErrors() {
        fails("a", "Syntax error; token: \"<EOF>\", near: \"a\"");
        fails("a = ", "Syntax error; token: \"<EOF>\", near: \"= \"");
        fails("a = :a b", "Syntax error; token: \"b\", near: \":a b\"");
        fails("!!!", "Syntax error; token: \"!\", near: \"!!\"");
        fails("a == :a", "Syntax error; token: \"=\", near: \"== :a\"");
        fails("attribute_type()", "Syntax error; token: \")\", near: \"()\"");
        fails("a = 5", "Syntax error; token: \"5\", near: \"= 5\"");
        fails("(a = :a", "Syntax error; token: \"<EOF>\", near: \":a\"");
        fails("first-name = :a", "Syntax error; token: \"-\", near: \"first-name\"");
        fails("and = :a", "Syntax error; token: \"and\", near: \"and =\"");
        fails("_a = :a", "Syntax error; token: \"_a\", near: \"_a =\"");
        fails("a = :a AND", "Syntax error; token: \"<EOF>\", near: \"AND\"");
        fails("a IN ()", "Syntax error; token: \")\", near: \"()\"");
        fails("a[x] = :a", "Syntax error; token: \"x\", near: \"[x]\"");
    }

    @Test
    void undefinedNamesAndValues() {
        fails("#missing = :a", "An expression attribute name used in the document path is not defined; "
                + "attribute name: #missing");
        fails("a = :missing", "An expression attribute value used in expression is not defined; "
                + "attribute value: :missing");
        fails("a = :missing OR #missing = :a", "An expression attribute value used in expression is not defined; "
                + "attribute value: :missing");
        assertValidation(() -> ConditionExpression.parse("#x = :v", new ExpressionContext(null, null),
                "FilterExpression"), "Invalid FilterExpression: An expression attribute name used in the document "
                        + "path is not defined; attribute name: #x");
    }

    @Test
    void reservedWords() {
        fails("status = :a", "Attribute name is a reserved keyword; reserved keyword: status");
        fails("a.Name = :a", "Attribute name is a reserved keyword; reserved keyword: Name");
        fails("size = :a", "Attribute name is a reserved keyword; reserved keyword: size");
        assertThat(ReservedWords.count()).isEqualTo(573);
        assertThat(eval("#n = :alice", ITEM)).isTrue();
    }

    @Test
    void functionErrors() {
        fails("foo(a)", "Invalid function name; function: foo");
        fails("BEGINS_WITH(a, :a)", "Invalid function name; function: BEGINS_WITH");
        fails("contains(a)", "Incorrect number of operands for operator or function; operator or function: contains, "
                + "number of operands: 1");
        fails("begins_with(a, :a, :a)", "Incorrect number of operands for operator or function; operator or "
                + "function: begins_with, number of operands: 3");
        fails("size(a, b) = :3", "Incorrect number of operands for operator or function; operator or function: size, "
                + "number of operands: 2");
        fails("size(a)", "The function is not allowed to be used this way in an expression; function: size");
        fails("a = :a AND size(a)", "The function is not allowed to be used this way in an expression; function: "
                + "size");
        fails("attribute_exists(a) = :a", "The function is not allowed to be used this way in an expression; "
                + "function: attribute_exists");
        fails("size(contains(a, :a)) = :3", "The function is not allowed to be used this way in an expression; "
                + "function: contains");
        fails("attribute_exists(:a)", "Operator or function requires a document path; operator or function: "
                + "attribute_exists");
        fails("attribute_not_exists(size(a))", "Operator or function requires a document path; operator or "
                + "function: attribute_not_exists");
        fails("begins_with(a, :3)", "Incorrect operand type for operator or function; operator or function: "
                + "begins_with, operand type: N");
        fails("begins_with(a, size(b))", "Incorrect operand type for operator or function; operator or function: "
                + "begins_with, operand type: N");
        fails("attribute_type(a, :3)", "Incorrect operand type for operator or function; operator or function: "
                + "attribute_type, operand type: N");
        fails("attribute_type(a, b)", "Incorrect operand type for operator or function; operator or function: "
                + "attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
        fails("attribute_type(a, :a)", "Invalid attribute type name found; type: a, valid types: "
                + "{B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        fails("size(:3) = :3", "Incorrect operand type for operator or function; operator or function: size, "
                + "operand type: N");
        fails("size(:true) = :3", "Incorrect operand type for operator or function; operator or function: size, "
                + "operand type: BOOL");
    }

    @Test
    void distinctOperands() {
        fails("a = a", "The first operand must be distinct from the remaining operands for this operator or "
                + "function; operator: =, first operand: [a]");
        fails("contains(a.b[1], a.b[1])", "The first operand must be distinct from the remaining operands for this "
                + "operator or function; operator: contains, first operand: [a, b, [1]]");
    }

    @Test
    void betweenBounds() {
        fails("a BETWEEN :40 AND :20", "The BETWEEN operator requires upper bound to be greater than or equal to "
                + "lower bound; lower bound operand: AttributeValue: {N:40}, upper bound operand: "
                + "AttributeValue: {N:20}");
        fails("a BETWEEN :bob AND :alice", "The BETWEEN operator requires upper bound to be greater than or equal "
                + "to lower bound; lower bound operand: AttributeValue: {S:bob}, upper bound operand: "
                + "AttributeValue: {S:alice}");
        fails("a BETWEEN :20 AND :alice", "The BETWEEN operator requires same data type for lower and upper bounds; "
                + "lower bound operand: AttributeValue: {N:20}, upper bound operand: AttributeValue: {S:alice}");
    }

    @Test
    void redundantParentheses() {
        fails("((a = :a))", "The expression has redundant parentheses;");
        fails("((a)) = :a", "The expression has redundant parentheses;");
        fails("((a = :a)) AND status = :a", "The expression has redundant parentheses;");
        assertThat(eval("(#n = :alice) AND ((age = :30) OR age = :20)", ITEM)).isTrue();
    }

    @Test
    void limits() {
        StringBuilder in = new StringBuilder("a IN (");
        for (int i = 0; i < 101; i++) {
            in.append(i == 0 ? ":a" : ", :a");
        }
        fails(in.append(')').toString(), "The IN operator is provided with too many operands; number of operands: "
                + "101");
        String deep = "a" + ".b".repeat(32);
        fails(deep + " = :a", "The document path has too many nesting levels; nesting levels: 33");
        String many = "a = :a" + " OR a = :a".repeat(150);
        fails(many, "The expression contains too many operators; operator count: 301");
    }

    @Test
    void priorityOfErrors() {
        // redundant parentheses are reported before an unknown function, which is before a reserved word
        fails("status = :a AND foo(a) AND ((a = :a))", "The expression has redundant parentheses;");
        fails("status = :a AND foo(a)", "Invalid function name; function: foo");
        fails("#missing = :a AND status = :a", "Attribute name is a reserved keyword; reserved keyword: status");
        // the first simple condition with an error decides among names, operand counts and function use
        fails("begins_with(a, :3) AND #missing = :a", "Incorrect operand type for operator or function; operator or "
                + "function: begins_with, operand type: N");
        fails("begins_with(#missing, :3)", "An expression attribute name used in the document path is not defined; "
                + "attribute name: #missing");
    }
}
