package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed and checked UpdateExpression. Checks follow DynamoDB's priority of errors: reserved word, unknown
 * function, repeated section, undefined name, undefined value, overlapping paths, conflicting paths, ADD/DELETE
 * operand type, function use.
 */
public final class UpdateExpression {
    private static final Map<String, Integer> FUNCTIONS = Map.of("if_not_exists", 2, "list_append", 2, "+", 2,
            "-", 2);
    private static final Map<String, String> OPERAND_TYPE_NAMES = Map.of("S", "STRING", "N", "NUMBER", "B", "BINARY",
            "NULL", "NULL", "BOOL", "BOOLEAN", "L", "LIST", "M", "MAP");

    /** One checked action: its section, target path and value (null for REMOVE). */
    record Action(String section, AttributePath path, Expr value) {
    }

    private final List<Action> actions;
    private final List<AttributePath> paths;
    private final Set<String> topLevel;

    private UpdateExpression(List<Action> actions) {
        this.actions = List.copyOf(actions);
        List<AttributePath> written = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Action action : actions) {
            written.add(action.path());
            names.add(action.path().topLevel());
        }
        this.paths = List.copyOf(written);
        this.topLevel = Collections.unmodifiableSet(names);
    }

    public static UpdateExpression parse(String text, ExpressionContext ctx) {
        List<Syntax.Section> sections = Expressions.update(text);
        return new UpdateExpression(new Checker(ctx).check(sections));
    }

    /** An update built from checked actions rather than parsed (the legacy AttributeUpdates). */
    static UpdateExpression of(List<Action> actions) {
        return new UpdateExpression(actions);
    }

    /**
     * The item after the update, as a new map (the input is not changed); {@code existingOrNull} null when there is
     * no item yet. Runtime errors are DynamoDB's ValidationExceptions.
     */
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> existingOrNull) {
        return UpdateApplier.apply(actions, existingOrNull);
    }

    /** Every path the update writes (SET, REMOVE, ADD, DELETE), in the order written. */
    public List<AttributePath> paths() {
        return paths;
    }

    /** The top-level attributes the update writes. */
    public Set<String> topLevelAttributes() {
        return topLevel;
    }

    List<Action> actions() {
        return actions;
    }

    private static final class Checker {
        private final ExpressionContext ctx;
        private final Errors errors = new Errors();
        private final Set<String> sectionsSeen = new HashSet<>();

        Checker(ExpressionContext ctx) {
            this.ctx = ctx;
        }

        List<Action> check(List<Syntax.Section> sections) {
            List<Action> checked = new ArrayList<>();
            List<AttributePath> written = new ArrayList<>();
            for (Syntax.Section section : sections) {
                for (Syntax.Action action : section.actions()) {
                    AttributePath path = Paths.resolve(action.path(), ctx, errors, Errors.NAME);
                    Expr value = null;
                    if (action.value() != null) {
                        value = operand(action.value());
                    }
                    written.add(path);
                    if (section.keyword().equals("ADD") || section.keyword().equals("DELETE")) {
                        operandType(section.keyword(), value);
                    }
                    checked.add(new Action(section.keyword(), path, value));
                }
                if (!sectionsSeen.add(section.keyword())) {
                    errors.add(Errors.SECTION, "The \"" + section.keyword()
                            + "\" section can only be used once in an update expression;");
                }
            }
            Paths.checkOverlaps(written, errors);
            errors.throwFirst("UpdateExpression", Errors.RESERVED, Errors.LIMIT, Errors.UNKNOWN_FUNCTION,
                    Errors.SECTION, Errors.NAME, Errors.VALUE, Errors.OVERLAP, Errors.CONFLICT, Errors.OPERAND,
                    Errors.FUNCTION);
            return checked;
        }

        private Expr operand(Syntax syntax) {
            if (syntax instanceof Syntax.Paren p) {
                return operand(p.inner());
            }
            if (syntax instanceof Syntax.Path path) {
                return new Expr.PathRef(Paths.resolve(path, ctx, errors, Errors.NAME));
            }
            if (syntax instanceof Syntax.Value v) {
                AttributeValue value = null;
                if (!errors.has(Errors.VALUE)) {
                    value = ctx.value(v.ref());
                    if (value == null) {
                        errors.add(Errors.VALUE,
                                "An expression attribute value used in expression is not defined; attribute value: "
                                        + v.ref());
                    }
                }
                return new Expr.Literal(value);
            }
            if (syntax instanceof Syntax.Arith a) {
                Expr left = operand(a.left());
                Expr right = operand(a.right());
                function(a.op(), List.of(left, right));
                return new Expr.Arith(a.op(), left, right);
            }
            Syntax.Call call = (Syntax.Call) syntax;
            List<Expr> args = new ArrayList<>();
            for (Syntax arg : call.args()) {
                args.add(operand(arg));
            }
            function(call.name(), args);
            return new Expr.Call(call.name(), args);
        }

        private void function(String name, List<Expr> args) {
            if (errors.has(Errors.UNKNOWN_FUNCTION)) {
                return;
            }
            Integer arity = FUNCTIONS.get(name);
            if (arity == null) {
                errors.add(Errors.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
                return;
            }
            if (errors.has(Errors.FUNCTION)) {
                return;
            }
            if (arity != args.size()) {
                errors.add(Errors.FUNCTION, "Incorrect number of operands for operator or function; "
                        + "operator or function: " + name + ", number of operands: " + args.size());
                return;
            }
            if (name.equals("if_not_exists")) {
                if (!(args.get(0) instanceof Expr.PathRef)) {
                    errors.add(Errors.FUNCTION,
                            "Operator or function requires a document path; operator or function: " + name);
                }
                return;
            }
            String required = name.equals("list_append") ? "L" : "N";
            for (Expr arg : args) {
                if (arg instanceof Expr.Literal l && l.value() != null && !l.value().type().equals(required)) {
                    errors.add(Errors.FUNCTION, "Incorrect operand type for operator or function; "
                            + "operator or function: " + name + ", operand type: " + l.value().type());
                    return;
                }
            }
        }

        /** ADD takes a number or a set, DELETE a set. */
        private void operandType(String section, Expr value) {
            if (!(value instanceof Expr.Literal l) || l.value() == null) {
                return;
            }
            String type = l.value().type();
            String typeName = OPERAND_TYPE_NAMES.get(type);
            if (typeName != null && !(section.equals("ADD") && type.equals("N"))) {
                errors.add(Errors.OPERAND, "Incorrect operand type for operator or function; operator: " + section
                        + ", operand type: " + typeName);
            }
        }
    }
}
