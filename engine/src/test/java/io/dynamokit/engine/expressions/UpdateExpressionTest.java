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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateExpressionTest {

    private static Map<String, AttributeValue> values() {
        Map<String, AttributeValue> v = new LinkedHashMap<>();
        v.put(":s", s("new"));
        v.put(":one", n("1"));
        v.put(":five", n("5"));
        v.put(":big", n("99999999999999999999999999999999999999"));
        v.put(":tiny", n("0.00000000000000000000000000000000000001"));
        v.put(":l", l(s("c"), s("d")));
        v.put(":empty", l());
        v.put(":ss", ss("b", "c"));
        v.put(":ab", ss("a", "b"));
        v.put(":ns", ns("2", "3"));
        v.put(":bs", bs("y"));
        v.put(":m", m("k", s("v")));
        v.put(":t", AttributeValue.TRUE);
        v.put(":null", AttributeValue.NULL_VALUE);
        v.put(":b", b("bin"));
        return v;
    }

    private static UpdateExpression parse(String text) {
        return UpdateExpression.parse(text, new ExpressionContext(names("#n", "name", "#a", "a"), values()));
    }

    private static Map<String, AttributeValue> apply(String text, Map<String, AttributeValue> item) {
        return parse(text).apply(item);
    }

    @Test
    void setTopLevelAndNested() {
        Map<String, AttributeValue> item = map("pk", s("k"), "a", m("b", m("c", s("old"))), "x", n("1"));
        Map<String, AttributeValue> before = new HashMap<>(item);
        Map<String, AttributeValue> after = apply("SET #a.b.c = :s, y = :one, #n = :s", item);
        assertThat(after).containsEntry("a", m("b", m("c", s("new")))).containsEntry("y", n("1"))
                .containsEntry("name", s("new")).containsEntry("x", n("1"));
        assertThat(item).isEqualTo(before);
        assertThat(apply("set y = :one", null)).isEqualTo(map("y", n("1")));
    }

    @Test
    void arithmetic() {
        Map<String, AttributeValue> item = map("c", n("10"), "m", m("hits", n("10")));
        assertThat(apply("SET c = c + :five", item)).containsEntry("c", n("15"));
        assertThat(apply("SET c = c - :five", item)).containsEntry("c", n("5"));
        assertThat(apply("SET c = :five - c", item)).containsEntry("c", n("-5"));
        assertThat(apply("SET m.hits = m.hits + :five", item)).containsEntry("m", m("hits", n("15")));
        assertThat(apply("SET d = (c + :one)", item)).containsEntry("d", n("11"));
        assertThat(apply("SET d = (c) + :one", item)).containsEntry("d", n("11"));
        assertThat(apply("SET c = :big - :one", item).get("c")).isEqualTo(n("99999999999999999999999999999999999998"));
        assertThat(apply("SET c = :big + :one", item).get("c")).isEqualTo(n("1E+38"));
        assertValidation(() -> apply("SET c = :big + :tiny", item),
                "Attempting to store more than 38 significant digits in a Number");
        assertValidation(() -> apply("SET c = absent + :one", item),
                "The provided expression refers to an attribute that does not exist in the item");
        assertValidation(() -> apply("SET c = m + :one", item),
                "An operand in the update expression has an incorrect data type");
    }

    @Test
    void valuesComeFromTheItemBeforeTheUpdate() {
        Map<String, AttributeValue> item = map("x", n("1"), "y", n("2"));
        assertThat(apply("SET x = y, y = x", item)).isEqualTo(map("x", n("2"), "y", n("1")));
    }

    @Test
    void ifNotExistsAndListAppend() {
        Map<String, AttributeValue> item = map("vals", l(s("a"), s("b")), "keep", s("me"));
        assertThat(apply("SET keep = if_not_exists(keep, :s), fresh = if_not_exists(fresh, :s)", item))
                .containsEntry("keep", s("me")).containsEntry("fresh", s("new"));
        assertThat(apply("SET vals = list_append(vals, :l)", item).get("vals"))
                .isEqualTo(l(s("a"), s("b"), s("c"), s("d")));
        assertThat(apply("SET vals = list_append(:l, vals)", item).get("vals"))
                .isEqualTo(l(s("c"), s("d"), s("a"), s("b")));
        assertThat(apply("SET extra = list_append(if_not_exists(extra, :empty), :l)", item).get("extra"))
                .isEqualTo(l(s("c"), s("d")));
        assertValidation(() -> apply("SET keep = list_append(keep, :l)", item),
                "An operand in the update expression has an incorrect data type");
    }

    @Test
    void listIndexes() {
        Map<String, AttributeValue> item = map("l", l(s("a"), s("b"), s("c")), "e", l());
        assertThat(apply("SET l[1] = :s", item).get("l")).isEqualTo(l(s("a"), s("new"), s("c")));
        assertThat(apply("SET l[10] = :s", item).get("l")).isEqualTo(l(s("a"), s("b"), s("c"), s("new")));
        assertThat(apply("SET e[0] = :s", item).get("e")).isEqualTo(l(s("new")));
        assertThat(apply("REMOVE l[1]", item).get("l")).isEqualTo(l(s("a"), s("c")));
        assertThat(apply("REMOVE l[0], l[2]", item).get("l")).isEqualTo(l(s("b")));
        assertThat(apply("REMOVE l[7]", item).get("l")).isEqualTo(l(s("a"), s("b"), s("c")));
        assertValidation(() -> apply("SET l[1].x = :s", item),
                "The document path provided in the update expression is invalid for update");
        assertValidation(() -> apply("SET l[5].x = :s", item),
                "The document path provided in the update expression is invalid for update");
    }

    @Test
    void invalidDocumentPaths() {
        Map<String, AttributeValue> item = map("top", s("val"), "m", m());
        assertValidation(() -> apply("SET #a.b.c = :s", item),
                "The document path provided in the update expression is invalid for update");
        assertValidation(() -> apply("SET top.x = :s", item),
                "The document path provided in the update expression is invalid for update");
        assertValidation(() -> apply("SET m.x.y = :s", item),
                "The document path provided in the update expression is invalid for update");
        assertValidation(() -> apply("SET top[0] = :s", item),
                "The document path provided in the update expression is invalid for update");
        assertValidation(() -> apply("REMOVE top.x", item),
                "The document path provided in the update expression is invalid for update");
        assertThat(apply("SET m.x = :s", item).get("m")).isEqualTo(m("x", s("new")));
    }

    @Test
    void remove() {
        Map<String, AttributeValue> item = map("a", s("x"), "m", m("gone", s("g"), "stay", s("s")));
        assertThat(apply("REMOVE a, m.gone", item)).isEqualTo(map("m", m("stay", s("s"))));
        assertThat(apply("REMOVE ghost, m.ghost, nothere.deeper", item)).isEqualTo(item);
    }

    @Test
    void add() {
        Map<String, AttributeValue> item = map("c", n("3"), "tags", ss("a"), "nums", ns("1", "2"),
                "bins", bs("x"), "str", s("s"));
        assertThat(apply("ADD c :five", item)).containsEntry("c", n("8"));
        assertThat(apply("ADD fresh :five", item)).containsEntry("fresh", n("5"));
        assertThat(apply("ADD tags :ss", item)).containsEntry("tags", ss("a", "b", "c"));
        assertThat(apply("ADD nums :ns", item)).containsEntry("nums", ns("1", "2", "3"));
        assertThat(apply("ADD bins :bs", item)).containsEntry("bins", bs("x", "y"));
        assertThat(apply("ADD newset :ss", null)).isEqualTo(map("newset", ss("b", "c")));
        assertValidation(() -> apply("ADD str :five", item),
                "An operand in the update expression has an incorrect data type");
        assertValidation(() -> apply("ADD tags :ns", item),
                "An operand in the update expression has an incorrect data type");
        assertValidation(() -> apply("ADD absent.x :five", item),
                "The document path provided in the update expression is invalid for update");
    }

    @Test
    void delete() {
        Map<String, AttributeValue> item = map("tags", ss("a", "b", "c"), "nums", ns("2", "5"), "str", s("s"));
        assertThat(apply("DELETE tags :ab", item)).containsEntry("tags", ss("c"));
        assertThat(apply("DELETE tags :ab", map("tags", ss("a", "b")))).isEmpty();
        assertThat(apply("DELETE nums :ns", item)).containsEntry("nums", ns("5"));
        assertThat(apply("DELETE absent :ss", item)).isEqualTo(item);
        assertValidation(() -> apply("DELETE str :ss", item),
                "An operand in the update expression has an incorrect data type");
        assertValidation(() -> apply("DELETE tags :ns", item),
                "An operand in the update expression has an incorrect data type");
    }

    @Test
    void allSectionsTogether() {
        Map<String, AttributeValue> item = map("a", n("1"), "b", s("x"), "c", n("1"), "d", ss("p", "q"));
        Map<String, AttributeValue> after = apply("SET a = a + :one REMOVE b ADD c :one DELETE d :ab", item);
        assertThat(after).isEqualTo(map("a", n("2"), "c", n("2"), "d", ss("q", "p")));
    }

    @Test
    void pathsAndTopLevelAttributes() {
        UpdateExpression u = parse("SET #a.b = :s, l[2] = :s REMOVE x ADD c :one DELETE d :ss");
        assertThat(u.paths()).containsExactly(new AttributePath(List.of("a", "b")),
                new AttributePath(List.of("l", 2)), new AttributePath(List.of("x")),
                new AttributePath(List.of("c")), new AttributePath(List.of("d")));
        assertThat(u.topLevelAttributes()).containsExactly("a", "l", "x", "c", "d");
        assertThat(u.paths().get(1).topLevel()).isEqualTo("l");
    }

    private static void fails(String text, String message) {
        assertValidation(() -> parse(text), "Invalid UpdateExpression: " + message);
    }

    @Test
    void syntaxAndEmpty() {
        fails("", "The expression can not be empty;");
        fails("INVALID SYNTAX HERE", "Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
        fails("SET", "Syntax error; token: \"<EOF>\", near: \"SET\"");
        fails("SET a = :s,", "Syntax error; token: \"<EOF>\", near: \",\"");
        fails("SET a :s", "Syntax error; token: \":s\", near: \"a :s\"");
        fails("ADD a b", "Syntax error; token: \"b\", near: \"a b\"");
        fails("DELETE a", "Syntax error; token: \"<EOF>\", near: \"a\"");
        fails("SET a = :s + :s + :s", "Syntax error; token: \"+\", near: \":s + :s\"");
        fails("SET set = :s", "Syntax error; token: \"set\", near: \"SET set =\"");
        fails("REMOVE a = :s", "Syntax error; token: \"=\", near: \"a = :s\"");
    }

    @Test
    void sectionsOnlyOnce() {
        fails("SET a = :s SET b = :s", "The \"SET\" section can only be used once in an update expression;");
        fails("remove a REMOVE b", "The \"REMOVE\" section can only be used once in an update expression;");
    }

    @Test
    void namesValuesAndReservedWords() {
        fails("SET #x = :s", "An expression attribute name used in the document path is not defined; attribute "
                + "name: #x");
        fails("SET a = :x", "An expression attribute value used in expression is not defined; attribute value: :x");
        fails("SET a = :x, #x = :s", "An expression attribute name used in the document path is not defined; "
                + "attribute name: #x");
        fails("SET status = :s", "Attribute name is a reserved keyword; reserved keyword: status");
        fails("SET a = :x, status = :s", "Attribute name is a reserved keyword; reserved keyword: status");
    }

    @Test
    void overlappingAndConflictingPaths() {
        fails("SET a = :s, a = :s", "Two document paths overlap with each other; must remove or rewrite one of "
                + "these paths; path one: [a], path two: [a]");
        fails("SET a = :s REMOVE a.b", "Two document paths overlap with each other; must remove or rewrite one of "
                + "these paths; path one: [a], path two: [a, b]");
        fails("SET a[1] = :s ADD a[1].c :one", "Two document paths overlap with each other; must remove or rewrite "
                + "one of these paths; path one: [a, [1]], path two: [a, [1], c]");
        fails("SET a[1] = :s, a.b = :s", "Two document paths conflict with each other; must remove or rewrite one "
                + "of these paths; path one: [a, [1]], path two: [a, b]");
        assertThat(parse("SET a.b = :s, a.c = :s").paths()).hasSize(2);
    }

    @Test
    void functionsAndOperandTypes() {
        fails("SET a = size(b)", "Invalid function name; function: size");
        fails("SET a = if_not_exists(b)", "Incorrect number of operands for operator or function; operator or "
                + "function: if_not_exists, number of operands: 1");
        fails("SET a = if_not_exists(:s, b)", "Operator or function requires a document path; operator or function: "
                + "if_not_exists");
        fails("SET a = list_append(b, :s)", "Incorrect operand type for operator or function; operator or function: "
                + "list_append, operand type: S");
        fails("SET a = b + :s", "Incorrect operand type for operator or function; operator or function: +, operand "
                + "type: S");
        fails("SET a = :l - b", "Incorrect operand type for operator or function; operator or function: -, operand "
                + "type: L");
        fails("ADD a :s", "Incorrect operand type for operator or function; operator: ADD, operand type: STRING");
        fails("ADD a :m", "Incorrect operand type for operator or function; operator: ADD, operand type: MAP");
        fails("ADD a :t", "Incorrect operand type for operator or function; operator: ADD, operand type: BOOLEAN");
        fails("DELETE a :one", "Incorrect operand type for operator or function; operator: DELETE, operand type: "
                + "NUMBER");
        fails("DELETE a :l", "Incorrect operand type for operator or function; operator: DELETE, operand type: LIST");
        fails("DELETE a :null", "Incorrect operand type for operator or function; operator: DELETE, operand type: "
                + "NULL");
        fails("DELETE a :b", "Incorrect operand type for operator or function; operator: DELETE, operand type: "
                + "BINARY");
    }

    @Test
    void priorityOfErrors() {
        fails("SET a = foo(b), status = :s", "Attribute name is a reserved keyword; reserved keyword: status");
        fails("SET a = foo(b) SET c = :s", "Invalid function name; function: foo");
        fails("SET a = :x SET c = :s", "The \"SET\" section can only be used once in an update expression;");
        fails("SET a = :x, a = :s", "An expression attribute value used in expression is not defined; attribute "
                + "value: :x");
        fails("ADD a :s, a :s", "Two document paths overlap with each other; must remove or rewrite one of these "
                + "paths; path one: [a], path two: [a]");
    }
}
