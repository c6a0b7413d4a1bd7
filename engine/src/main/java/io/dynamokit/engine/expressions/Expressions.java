package io.dynamokit.engine.expressions;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The steps every expression kind shares: the empty and size checks, parsing, and the syntax error message. */
final class Expressions {
    /** DynamoDB's limit on the length of one expression, in bytes. */
    static final int MAX_EXPRESSION_BYTES = 4096;

    private Expressions() {
    }

    static Expr condition(String text, ExpressionContext ctx, String parameterName) {
        checkText(text, parameterName);
        Syntax syntax;
        try {
            syntax = Parser.condition(text);
        } catch (Parser.SyntaxError e) {
            throw Errors.invalid(parameterName, e.getMessage());
        }
        return ConditionChecker.check(syntax, ctx, parameterName);
    }

    static List<Syntax.Section> update(String text) {
        checkText(text, "UpdateExpression");
        try {
            return Parser.update(text);
        } catch (Parser.SyntaxError e) {
            throw Errors.invalid("UpdateExpression", e.getMessage());
        }
    }

    static List<Syntax.Path> projection(String text) {
        checkText(text, "ProjectionExpression");
        try {
            return Parser.projection(text);
        } catch (Parser.SyntaxError e) {
            throw Errors.invalid("ProjectionExpression", e.getMessage());
        }
    }

    private static void checkText(String text, String parameterName) {
        if (text == null || text.isBlank()) {
            throw Errors.invalid(parameterName, "The expression can not be empty;");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EXPRESSION_BYTES) {
            throw Errors.invalid(parameterName,
                    "Expression size has exceeded the maximum allowed size; expression size: " + bytes);
        }
    }
}
