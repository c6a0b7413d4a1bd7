package io.dynamokit.engine.expressions;

import static io.dynamokit.engine.expressions.Fixtures.assertValidation;
import static io.dynamokit.engine.expressions.Fixtures.l;
import static io.dynamokit.engine.expressions.Fixtures.m;
import static io.dynamokit.engine.expressions.Fixtures.map;
import static io.dynamokit.engine.expressions.Fixtures.n;
import static io.dynamokit.engine.expressions.Fixtures.names;
import static io.dynamokit.engine.expressions.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamokit.engine.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionExpressionTest {
    private static final Map<String, AttributeValue> ITEM = map("pk", s("k"), "name", s("alice"),
            "mymap", m("nested", s("deep"), "extra", n("42")),
            "entries", l(s("a"), s("b"), s("c")),
            "n", l(m("x", s("n0")), m("x", s("n1"), "y", s("no"))));

    private static ProjectionExpression parse(String text) {
        return ProjectionExpression.parse(text, new ExpressionContext(names("#name", "name", "#m", "mymap",
                "#dotted", "a.b"), null));
    }

    @Test
    void projectsTopLevelNestedAndListElements() {
        assertThat(parse("pk, #name").apply(ITEM)).isEqualTo(map("pk", s("k"), "name", s("alice")));
        assertThat(parse("#m.nested").apply(ITEM)).isEqualTo(map("mymap", m("nested", s("deep"))));
        assertThat(parse("entries[2]").apply(ITEM)).isEqualTo(map("entries", l(s("c"))));
        assertThat(parse("entries[2], entries[0]").apply(ITEM)).isEqualTo(map("entries", l(s("a"), s("c"))));
        assertThat(parse("n[1].x").apply(ITEM)).isEqualTo(map("n", l(m("x", s("n1")))));
        assertThat(parse("n[0].x, n[1].y").apply(ITEM)).isEqualTo(map("n", l(m("x", s("n0")), m("y", s("no")))));
        assertThat(parse("#m.nested, #m.extra").apply(ITEM)).isEqualTo(map("mymap", m("nested", s("deep"),
                "extra", n("42"))));
        assertThat(parse("entries [ 0 ] , #m . nested").apply(ITEM)).isEqualTo(map("entries", l(s("a")), "mymap",
                m("nested", s("deep"))));
    }

    @Test
    void missingPartsAreLeftOut() {
        assertThat(parse("absent, #m.absent, entries[9], pk.x, #dotted").apply(ITEM)).isEmpty();
        assertThat(parse("pk").apply(map())).isEmpty();
    }

    @Test
    void ofGivenPaths() {
        ProjectionExpression p = ProjectionExpression.of(List.of(new AttributePath(List.of("pk")),
                new AttributePath(List.of("mymap", "extra"))));
        assertThat(p.apply(ITEM)).isEqualTo(map("pk", s("k"), "mymap", m("extra", n("42"))));
        assertThat(p.paths()).hasSize(2);
        assertThat(parse("#m.nested").paths()).containsExactly(new AttributePath(List.of("mymap", "nested")));
    }

    private static void fails(String text, String message) {
        assertValidation(() -> parse(text), "Invalid ProjectionExpression: " + message);
    }

    @Test
    void errors() {
        fails("", "The expression can not be empty;");
        fails("!!!", "Syntax error; token: \"!\", near: \"!!\"");
        fails("!!! INVALID !!!", "Syntax error; token: \"!\", near: \"!!\"");
        fails("a b", "Syntax error; token: \"b\", near: \"a b\"");
        fails("a,", "Syntax error; token: \"<EOF>\", near: \",\"");
        fails("my-attribute", "Syntax error; token: \"-\", near: \"my-attribute\"");
        fails("a[]", "Syntax error; token: \"]\", near: \"[]\"");
        fails("#undef", "An expression attribute name used in the document path is not defined; attribute name: "
                + "#undef");
        fails("status", "Attribute name is a reserved keyword; reserved keyword: status");
        fails("#undef, status", "Attribute name is a reserved keyword; reserved keyword: status");
        fails("a, a", "Two document paths overlap with each other; must remove or rewrite one of these paths; path "
                + "one: [a], path two: [a]");
        fails("a.b, a", "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [a, b], path two: [a]");
        fails("#name, #name", "Two document paths overlap with each other; must remove or rewrite one of these "
                + "paths; path one: [name], path two: [name]");
        fails("a[0], a.b", "Two document paths conflict with each other; must remove or rewrite one of these paths; "
                + "path one: [a, [0]], path two: [a, b]");
        fails("a[0], a.b, c, c", "Two document paths overlap with each other; must remove or rewrite one of these "
                + "paths; path one: [c], path two: [c]");
    }
}
