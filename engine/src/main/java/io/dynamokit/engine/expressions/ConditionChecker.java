package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed condition the way DynamoDB does and resolves its names and values. The walk is left to right,
 * inner before outer; each simple condition, once checked, fixes the condition-level error (the first of: undefined
 * name or value, operand count, distinct operands, function use), and the error reported is then chosen by kind:
 * redundant parentheses, unknown function, misused function, reserved word, limits, that condition-level error.
 */
final class ConditionChecker {
    static final int MAX_IN_OPERANDS = 100;
    static final int MAX_OPERATORS = 300;
    private static final Map<String, Integer> FUNCTIONS = Map.of("attribute_exists", 1, "attribute_not_exists", 1,
            "attribute_type", 2, "begins_with", 2, "contains", 2, "size", 1);
    private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M");

    private final ExpressionContext ctx;
    private final Errors errors = new Errors();
    private int operators;

    private ConditionChecker(ExpressionContext ctx) {
        this.ctx = ctx;
    }

    static Expr check(Syntax syntax, ExpressionContext ctx, String parameterName) {
        ConditionChecker checker = new ConditionChecker(ctx);
        Expr expr = checker.condition(syntax);
        checker.misusedSize(syntax);
        if (checker.operators > MAX_OPERATORS) {
            checker.errors.add(Errors.LIMIT,
                    "The expression contains too many operators; operator count: " + checker.operators);
        }
        checker.errors.throwFirst(parameterName, Errors.PARENS, Errors.UNKNOWN_FUNCTION, Errors.MISUSED_FUNCTION,
                Errors.RESERVED, Errors.LIMIT, Errors.CONDITION);
        return expr;
    }

    private Expr condition(Syntax syntax) {
        if (syntax instanceof Syntax.Paren p) {
            if (p.inner() instanceof Syntax.Paren) {
                errors.add(Errors.PARENS, "The expression has redundant parentheses;");
            }
            return condition(p.inner());
        }
        if (syntax instanceof Syntax.And and) {
            operators++;
            Expr left = condition(and.left());
            Expr right = condition(and.right());
            misusedSize(and.left());
            misusedSize(and.right());
            return new Expr.And(left, right);
        }
        if (syntax instanceof Syntax.Or or) {
            operators++;
            Expr left = condition(or.left());
            Expr right = condition(or.right());
            misusedSize(or.left());
            misusedSize(or.right());
            return new Expr.Or(left, right);
        }
        if (syntax instanceof Syntax.Not not) {
            operators++;
            Expr inner = condition(not.inner());
            misusedSize(not.inner());
            return new Expr.Not(inner);
        }
        Expr simple = simpleCondition(syntax);
        if (!errors.has(Errors.CONDITION)) {
            String first = errors.first(Errors.NAME, Errors.OPERAND, Errors.DISTINCT, Errors.FUNCTION);
            if (first != null) {
                errors.add(Errors.CONDITION, first);
            }
        }
        return simple;
    }

    private Expr simpleCondition(Syntax syntax) {
        if (syntax instanceof Syntax.Compare c) {
            operators++;
            Expr left = operand(c.left());
            Expr right = operand(c.right());
            misusedFunctions(List.of(c.left(), c.right()));
            distinct(c.op(), List.of(left, right));
            return new Expr.Compare(c.op(), left, right);
        }
        if (syntax instanceof Syntax.Between b) {
            operators++;
            Expr subject = operand(b.subject());
            Expr low = operand(b.low());
            Expr high = operand(b.high());
            misusedFunctions(List.of(b.subject(), b.low(), b.high()));
            betweenBounds(low, high);
            return new Expr.Between(subject, low, high);
        }
        if (syntax instanceof Syntax.In in) {
            operators++;
            Expr subject = operand(in.subject());
            List<Expr> candidates = new ArrayList<>();
            for (Syntax candidate : in.candidates()) {
                candidates.add(operand(candidate));
            }
            List<Syntax> all = new ArrayList<>();
            all.add(in.subject());
            all.addAll(in.candidates());
            misusedFunctions(all);
            if (in.candidates().size() > MAX_IN_OPERANDS) {
                errors.add(Errors.OPERAND, "The IN operator is provided with too many operands; number of operands: "
                        + in.candidates().size());
            }
            return new Expr.In(subject, candidates);
        }
        return operand(syntax);
    }

    private Expr operand(Syntax syntax) {
        if (syntax instanceof Syntax.Paren p) {
            if (p.inner() instanceof Syntax.Paren) {
                errors.add(Errors.PARENS, "The expression has redundant parentheses;");
            }
            return operand(p.inner());
        }
        if (syntax instanceof Syntax.Path path) {
            return new Expr.PathRef(Paths.resolve(path, ctx, errors, Errors.NAME));
        }
        if (syntax instanceof Syntax.Value v) {
            return new Expr.Literal(value(v.ref()));
        }
        Syntax.Call call = (Syntax.Call) syntax;
        operators++;
        List<Expr> args = new ArrayList<>();
        for (Syntax arg : call.args()) {
            args.add(operand(arg));
        }
        misusedFunctions(call.args());
        function(call.name(), args);
        return new Expr.Call(call.name(), args);
    }

    private AttributeValue value(String ref) {
        if (errors.has(Errors.NAME)) {
            return null;
        }
        AttributeValue value = ctx.value(ref);
        if (value == null) {
            errors.add(Errors.NAME,
                    "An expression attribute value used in expression is not defined; attribute value: " + ref);
        }
        return value;
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
        if (errors.has(Errors.OPERAND)) {
            return;
        }
        if (arity != args.size()) {
            errors.add(Errors.OPERAND, "Incorrect number of operands for operator or function; operator or function: "
                    + name + ", number of operands: " + args.size());
            return;
        }
        distinct(name, args);
        if (errors.has(Errors.FUNCTION)) {
            return;
        }
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (!(args.get(0) instanceof Expr.PathRef)) {
                    errors.add(Errors.FUNCTION,
                            "Operator or function requires a document path; operator or function: " + name);
                }
            }
            case "begins_with" -> {
                for (Expr arg : args) {
                    String type = typeOf(arg);
                    if (type != null && !type.equals("S") && !type.equals("B")) {
                        incorrectOperandType(name, type);
                        return;
                    }
                }
            }
            case "attribute_type" -> {
                String type = typeOf(args.get(1));
                if (!"S".equals(type)) {
                    incorrectOperandType(name, type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type);
                    return;
                }
                String typeName = ((AttributeValue.S) ((Expr.Literal) args.get(1)).value()).value();
                if (!TYPE_NAMES.contains(typeName)) {
                    errors.add(Errors.FUNCTION, "Invalid attribute type name found; type: " + typeName
                            + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
                }
            }
            case "size" -> {
                String type = typeOf(args.get(0));
                if ("N".equals(type) || "BOOL".equals(type) || "NULL".equals(type)) {
                    incorrectOperandType(name, type);
                }
            }
            default -> {
            }
        }
    }

    private void incorrectOperandType(String function, String type) {
        errors.add(Errors.FUNCTION, "Incorrect operand type for operator or function; operator or function: "
                + function + ", operand type: " + type);
    }

    /** The type an operand is known to have before evaluation: a value's, or a function's result type. */
    private static String typeOf(Expr expr) {
        if (expr instanceof Expr.Literal l) {
            return l.value() == null ? null : l.value().type();
        }
        if (expr instanceof Expr.Call c) {
            return switch (c.name()) {
                case "size" -> "N";
                case "begins_with", "contains", "attribute_type" -> "BOOL";
                default -> null;
            };
        }
        return null;
    }

    private void distinct(String operator, List<Expr> args) {
        if (args.size() == 2 && args.get(0) instanceof Expr.PathRef a && args.get(1) instanceof Expr.PathRef b
                && a.path().equals(b.path())) {
            errors.add(Errors.DISTINCT, "The first operand must be distinct from the remaining operands for this "
                    + "operator or function; operator: " + operator + ", first operand: " + Paths.format(a.path()));
        }
    }

    private void betweenBounds(Expr low, Expr high) {
        if (errors.has(Errors.FUNCTION) || !(low instanceof Expr.Literal l) || !(high instanceof Expr.Literal h)
                || l.value() == null || h.value() == null) {
            return;
        }
        if (!l.value().type().equals(h.value().type())) {
            errors.add(Errors.FUNCTION, "The BETWEEN operator requires same data type for lower and upper bounds; "
                    + "lower bound operand: " + Values.describe(l.value()) + ", upper bound operand: "
                    + Values.describe(h.value()));
            return;
        }
        Integer order = Values.order(l.value(), h.value());
        if (order != null && order > 0) {
            errors.add(Errors.FUNCTION, "The BETWEEN operator requires upper bound to be greater than or equal to "
                    + "lower bound; lower bound operand: " + Values.describe(l.value()) + ", upper bound operand: "
                    + Values.describe(h.value()));
        }
    }

    /** Only size() may be an operand; the other functions are conditions of their own. */
    private void misusedFunctions(List<Syntax> operands) {
        for (Syntax operand : operands) {
            Syntax bare = unwrap(operand);
            if (bare instanceof Syntax.Call call && !call.name().equals("size")) {
                errors.add(Errors.MISUSED_FUNCTION,
                        "The function is not allowed to be used this way in an expression; function: " + call.name());
                return;
            }
        }
    }

    /** size() is an operand, never a condition of its own. */
    private void misusedSize(Syntax condition) {
        if (condition instanceof Syntax.Call call && call.name().equals("size")) {
            errors.add(Errors.MISUSED_FUNCTION,
                    "The function is not allowed to be used this way in an expression; function: size");
        }
    }

    private static Syntax unwrap(Syntax syntax) {
        Syntax s = syntax;
        while (s instanceof Syntax.Paren p) {
            s = p.inner();
        }
        return s;
    }
}
