package io.dynamokit.engine.expressions;

import io.dynamokit.engine.expressions.Lexer.Kind;
import io.dynamokit.engine.expressions.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive descent over the three grammars (condition, update, projection), backtracking where the grammar is
 * ambiguous (a parenthesis may open an operand or a condition). A syntax error names the furthest token the parser
 * could not take, with its neighbours, as DynamoDB does: {@code Syntax error; token: "b", near: "a b"}.
 */
final class Parser {
    private static final Set<String> CONDITION_KEYWORDS = Set.of("between", "in", "and", "or", "not");
    private static final Set<String> UPDATE_KEYWORDS = Set.of("set", "remove", "add", "delete");
    private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");

    private final String text;
    private final List<Token> tokens;
    private final Set<String> keywords;
    private final boolean conditionGrammar;
    private int pos;
    private int furthest;

    private Parser(String text, Set<String> keywords, boolean conditionGrammar) {
        this.text = text;
        this.tokens = Lexer.tokenize(text);
        this.keywords = keywords;
        this.conditionGrammar = conditionGrammar;
    }

    /** A condition, filter or key condition. Throws {@link SyntaxError}. */
    static Syntax condition(String text) {
        Parser p = new Parser(text, CONDITION_KEYWORDS, true);
        Syntax result = p.parseOr();
        p.expectEnd(result);
        return result;
    }

    static List<Syntax.Section> update(String text) {
        Parser p = new Parser(text, UPDATE_KEYWORDS, false);
        List<Syntax.Section> sections = new ArrayList<>();
        Syntax.Section section = p.parseSection();
        while (section != null) {
            sections.add(section);
            section = p.parseSection();
        }
        p.expectEnd(sections.isEmpty() ? null : sections);
        return sections;
    }

    static List<Syntax.Path> projection(String text) {
        Parser p = new Parser(text, Set.of(), false);
        List<Syntax.Path> paths = new ArrayList<>();
        Syntax.Path path = p.parsePath();
        if (path != null) {
            paths.add(path);
            while (p.accept(",")) {
                path = p.parsePath();
                if (path == null) {
                    p.expectEnd(null);
                }
                paths.add(path);
            }
        }
        p.expectEnd(path);
        return paths;
    }

    /** A parse failure; the caller prefixes it with "Invalid XExpression: ". */
    static final class SyntaxError extends IllegalArgumentException {
        SyntaxError(String message) {
            super(message, null);
        }
    }

    private void expectEnd(Object result) {
        if (result != null && peek().kind() == Kind.EOF) {
            return;
        }
        fail();
        Token token = tokens.get(furthest);
        Token before = furthest > 0 ? tokens.get(furthest - 1) : token;
        Token after = token.kind() == Kind.EOF ? token : tokens.get(furthest + 1);
        throw new SyntaxError("Syntax error; token: \"" + token.text() + "\", near: \""
                + text.substring(before.start(), after.end()) + "\"");
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private void fail() {
        furthest = Math.max(furthest, pos);
    }

    private boolean accept(String punct) {
        if (peek().is(punct)) {
            pos++;
            return true;
        }
        fail();
        return false;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            pos++;
            return true;
        }
        fail();
        return false;
    }

    private <T> T reset(int to) {
        pos = to;
        return null;
    }

    // ---- conditions: OR binds loosest, then AND, then NOT

    private Syntax parseOr() {
        int start = pos;
        Syntax left = parseAnd();
        if (left == null) {
            return null;
        }
        while (acceptKeyword("or")) {
            Syntax right = parseAnd();
            if (right == null) {
                return reset(start);
            }
            left = new Syntax.Or(left, right);
        }
        return left;
    }

    private Syntax parseAnd() {
        int start = pos;
        Syntax left = parseNot();
        if (left == null) {
            return null;
        }
        while (acceptKeyword("and")) {
            Syntax right = parseNot();
            if (right == null) {
                return reset(start);
            }
            left = new Syntax.And(left, right);
        }
        return left;
    }

    private Syntax parseNot() {
        int start = pos;
        if (acceptKeyword("not")) {
            Syntax inner = parseNot();
            return inner == null ? reset(start) : new Syntax.Not(inner);
        }
        return parsePrimary();
    }

    private Syntax parsePrimary() {
        int start = pos;
        Syntax simple = parseSimpleCondition();
        if (simple != null) {
            return simple;
        }
        if (accept("(")) {
            Syntax inner = parseOr();
            if (inner != null && accept(")")) {
                return new Syntax.Paren(inner);
            }
        }
        return reset(start);
    }

    private Syntax parseSimpleCondition() {
        int start = pos;
        Syntax left = parseOperand();
        if (left == null) {
            return null;
        }
        Token t = peek();
        if (t.kind() == Kind.PUNCT && COMPARATORS.contains(t.text())) {
            pos++;
            Syntax right = parseOperand();
            return right == null ? reset(start) : new Syntax.Compare(t.text(), left, right);
        }
        fail();
        if (acceptKeyword("between")) {
            Syntax low = parseOperand();
            if (low == null || !acceptKeyword("and")) {
                return reset(start);
            }
            Syntax high = parseOperand();
            return high == null ? reset(start) : new Syntax.Between(left, low, high);
        }
        if (acceptKeyword("in")) {
            List<Syntax> candidates = accept("(") ? parseArguments() : null;
            if (candidates == null || !accept(")")) {
                return reset(start);
            }
            return new Syntax.In(left, candidates);
        }
        if (left instanceof Syntax.Call) {
            return left;
        }
        return reset(start);
    }

    private List<Syntax> parseArguments() {
        List<Syntax> args = new ArrayList<>();
        Syntax arg = parseOperand();
        if (arg == null) {
            return null;
        }
        args.add(arg);
        while (accept(",")) {
            arg = parseOperand();
            if (arg == null) {
                return null;
            }
            args.add(arg);
        }
        return args;
    }

    /** An operand, optionally in parentheses. */
    private Syntax parseOperand() {
        int start = pos;
        if (accept("(")) {
            Syntax inner = parseOperand();
            if (inner != null && accept(")")) {
                return new Syntax.Paren(inner);
            }
            reset(start);
        }
        Token t = peek();
        if (t.kind() == Kind.VALUE_REF) {
            pos++;
            return new Syntax.Value(t.text());
        }
        if (t.kind() == Kind.IDENT && peek(1).is("(") && !isKeyword(t)) {
            pos += 2;
            List<Syntax> args = parseArguments();
            if (args == null || !accept(")")) {
                return reset(start);
            }
            return new Syntax.Call(t.text(), args);
        }
        return parsePath();
    }

    // ---- paths

    private Syntax.Path parsePath() {
        int start = pos;
        List<Object> elements = new ArrayList<>();
        if (!acceptName(elements)) {
            return null;
        }
        while (true) {
            if (peek().is("[")) {
                pos++;
                Token index = peek();
                if (index.kind() != Kind.NUMBER) {
                    fail();
                    return reset(start);
                }
                pos++;
                if (!accept("]")) {
                    return reset(start);
                }
                elements.add(listIndex(index.text()));
            } else if (peek().is(".")) {
                pos++;
                if (!acceptName(elements)) {
                    return reset(start);
                }
            } else {
                fail();
                return new Syntax.Path(elements);
            }
        }
    }

    private boolean acceptName(List<Object> elements) {
        Token t = peek();
        boolean name = t.kind() == Kind.NAME_REF
                || (t.kind() == Kind.IDENT && !isKeyword(t) && (!conditionGrammar || t.text().charAt(0) != '_'));
        if (!name) {
            fail();
            return false;
        }
        pos++;
        elements.add(t.text());
        return true;
    }

    private static Integer listIndex(String digits) {
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private boolean isKeyword(Token t) {
        return keywords.contains(t.text().toLowerCase(Locale.ROOT));
    }

    // ---- update

    private Syntax.Section parseSection() {
        int start = pos;
        Token t = peek();
        String keyword = t.kind() == Kind.IDENT ? t.text().toUpperCase(Locale.ROOT) : "";
        if (!UPDATE_KEYWORDS.contains(keyword.toLowerCase(Locale.ROOT))) {
            fail();
            return null;
        }
        pos++;
        List<Syntax.Action> actions = new ArrayList<>();
        do {
            Syntax.Action action = parseAction(keyword);
            if (action == null) {
                return reset(start);
            }
            actions.add(action);
        } while (accept(","));
        return new Syntax.Section(keyword, actions);
    }

    private Syntax.Action parseAction(String section) {
        Syntax.Path path = parsePath();
        if (path == null) {
            return null;
        }
        switch (section) {
            case "SET": {
                if (!accept("=")) {
                    return null;
                }
                Syntax value = parseSetValue();
                return value == null ? null : new Syntax.Action(section, path, value);
            }
            case "REMOVE":
                return new Syntax.Action(section, path, null);
            default: {
                Token t = peek();
                if (t.kind() != Kind.VALUE_REF) {
                    fail();
                    return null;
                }
                pos++;
                return new Syntax.Action(section, path, new Syntax.Value(t.text()));
            }
        }
    }

    /** {@code a + b}, or the same in parentheses; {@code (a) + b} is the former, hence that one is tried first. */
    private Syntax parseSetValue() {
        int start = pos;
        Syntax plain = parseArithmetic();
        if (plain != null) {
            return plain;
        }
        if (accept("(")) {
            Syntax inner = parseArithmetic();
            if (inner != null && accept(")")) {
                return inner;
            }
        }
        return reset(start);
    }

    private Syntax parseArithmetic() {
        int start = pos;
        Syntax left = parseOperand();
        if (left == null) {
            return null;
        }
        if (peek().is("+") || peek().is("-")) {
            String op = peek().text();
            pos++;
            Syntax right = parseOperand();
            return right == null ? reset(start) : new Syntax.Arith(op, left, right);
        }
        fail();
        return left;
    }
}
