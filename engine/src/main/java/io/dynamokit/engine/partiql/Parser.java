package io.dynamokit.engine.partiql;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses one statement into an {@link Ast.Statement}, binding its {@code ?} parameters in textual order. Literal
 * lists, maps and sets become constant values here, their numbers checked with DynamoDB's rules (the message names
 * where in the value the number is: {@code under root.m[1]}).
 */
public final class Parser extends Cursor {
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", "<=", ">", ">=");

    private Parser(List<Token> tokens, List<AttributeValue> parameters) {
        super(tokens, parameters);
    }

    /** Parses {@code statement}; ValidationException for a statement DynamoDB refuses or a parameter count mismatch. */
    public static Ast.Statement parse(String statement, List<AttributeValue> parameters) {
        Parser parser = new Parser(Lexer.tokens(statement), parameters);
        Ast.Statement parsed = parser.statement();
        if (parser.peek().isSymbol(";")) {
            parser.pos++;
        }
        if (parser.peek().kind() != Token.Kind.END) {
            throw Errors.malformed("Unexpected token after expression");
        }
        if (!parser.allParametersBound()) {
            throw DynamoException.validation("Number of parameters in request and statement don't match.");
        }
        return parsed;
    }

    private Ast.Statement statement() {
        Token first = peek();
        if (acceptWord("SELECT")) {
            return select();
        }
        if (acceptWord("INSERT")) {
            return insert();
        }
        if (acceptWord("UPDATE")) {
            return update();
        }
        if (acceptWord("DELETE")) {
            return delete();
        }
        if (first.isWord("EXISTS") && peek(1).isSymbol("(")) {
            pos += 2;
            expectWord("SELECT");
            Ast.Select select = select();
            expectSymbol(")");
            return new Ast.Exists(select);
        }
        if (acceptWord("FROM")) {
            return fromFirstUpdate();
        }
        throw Errors.malformed("Expected data manipulation");
    }

    private Ast.Select select() {
        List<Ast.Path> paths = new ArrayList<>();
        if (!acceptSymbol("*")) {
            do {
                Token t = peek();
                if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.QUOTED || isKeyword(t)) {
                    throw unexpected();
                }
                if (peek(1).isSymbol("(")) {
                    throw Errors.unsupported("Unsupported function in projection: " + t.text());
                }
                paths.add(path());
                if (peek().isWord("AS") || (peek().kind() == Token.Kind.WORD && !isKeyword(peek()))) {
                    throw Errors.unsupported("Aliasing is not supported");
                }
            } while (acceptSymbol(","));
        }
        expectWord("FROM");
        String[] source = source(false);
        refuseAlias();
        Ast.Expr where = null;
        if (acceptWord("WHERE")) {
            where = expression();
        }
        List<Ast.Order> orderBy = new ArrayList<>();
        if (acceptWord("ORDER")) {
            expectWord("BY");
            do {
                Ast.Path path = path();
                boolean descending = false;
                if (acceptWord("DESC")) {
                    descending = true;
                } else {
                    acceptWord("ASC");
                }
                orderBy.add(new Ast.Order(path, descending));
            } while (acceptSymbol(","));
        }
        if (peek().isWord("LIMIT")) {
            throw Errors.unsupported("Unsupported clause: LIMIT");
        }
        return new Ast.Select(paths, source[0], source[1], where, orderBy);
    }

    private Ast.Insert insert() {
        expectWord("INTO");
        String[] source = source(true);
        if (!acceptWord("VALUE")) {
            throw Errors.malformed("Unexpected token after expression");
        }
        Ast.Expr value = additive();
        return new Ast.Insert(source[0], value);
    }

    private Ast.Update update() {
        String[] source = source(false);
        refuseAlias();
        List<Ast.Change> changes = changes();
        Ast.Expr where = acceptWord("WHERE") ? expression() : null;
        return new Ast.Update(source[0], changes, where, returning());
    }

    /** {@code FROM "t" [WHERE ...] SET|REMOVE ...}: an UPDATE written table first. */
    private Ast.Update fromFirstUpdate() {
        String[] source = source(true);
        Ast.Expr where = acceptWord("WHERE") ? expression() : null;
        List<Ast.Change> changes = changes();
        return new Ast.Update(source[0], changes, where, returning());
    }

    private List<Ast.Change> changes() {
        List<Ast.Change> changes = new ArrayList<>();
        while (true) {
            if (acceptWord("SET")) {
                do {
                    Ast.Path target = path();
                    expectSymbol("=");
                    changes.add(new Ast.Change(target, additive()));
                } while (acceptSymbol(","));
            } else if (acceptWord("REMOVE")) {
                do {
                    changes.add(new Ast.Change(path(), null));
                } while (acceptSymbol(","));
            } else {
                break;
            }
        }
        if (changes.isEmpty()) {
            throw unexpected();
        }
        return changes;
    }

    private Ast.Delete delete() {
        expectWord("FROM");
        String[] source = source(true);
        refuseAlias();
        Ast.Expr where = acceptWord("WHERE") ? expression() : null;
        return new Ast.Delete(source[0], where, returning());
    }

    private Ast.Returning returning() {
        if (!acceptWord("RETURNING")) {
            return null;
        }
        boolean all;
        if (acceptWord("ALL")) {
            all = true;
        } else if (acceptWord("MODIFIED")) {
            all = false;
        } else {
            throw unexpected();
        }
        boolean newValues;
        if (acceptWord("NEW")) {
            newValues = true;
        } else if (acceptWord("OLD")) {
            newValues = false;
        } else {
            throw unexpected();
        }
        expectSymbol("*");
        return new Ast.Returning(all, newValues);
    }

    /** A table name and an optional index name: {@code "t"}, {@code t} or {@code "t"."i"}. */
    private String[] source(boolean simplePath) {
        Token t = peek();
        if (t.kind() != Token.Kind.QUOTED && (t.kind() != Token.Kind.WORD || isKeyword(t))) {
            throw simplePath ? Errors.malformed("Expected identifier for simple path") : unexpected();
        }
        pos++;
        String index = null;
        if (acceptSymbol(".")) {
            Token i = peek();
            if (i.kind() != Token.Kind.QUOTED && i.kind() != Token.Kind.WORD) {
                throw unexpected();
            }
            pos++;
            index = i.text();
        }
        return new String[] {t.text(), index};
    }

    private void refuseAlias() {
        Token t = peek();
        if (t.isWord("AS") || t.kind() == Token.Kind.QUOTED || (t.kind() == Token.Kind.WORD && !isKeyword(t)
                && !t.isWord("SET") && !t.isWord("REMOVE"))) {
            throw Errors.unsupported("Aliasing is not supported");
        }
    }

    // ---- expressions ----

    private Ast.Expr expression() {
        Ast.Expr left = and();
        while (acceptWord("OR")) {
            left = new Ast.Or(left, rightHandSide(this::and));
        }
        return left;
    }

    private Ast.Expr and() {
        Ast.Expr left = not();
        while (acceptWord("AND")) {
            left = new Ast.And(left, rightHandSide(this::not));
        }
        return left;
    }

    private Ast.Expr rightHandSide(java.util.function.Supplier<Ast.Expr> operand) {
        Token t = peek();
        if (t.kind() == Token.Kind.END || t.isSymbol(";")) {
            throw Errors.malformed("Missing right-hand side expression of infix operator");
        }
        return operand.get();
    }

    private Ast.Expr not() {
        if (acceptWord("NOT")) {
            return new Ast.Not(not());
        }
        return predicate();
    }

    private Ast.Expr predicate() {
        Ast.Expr left = additive();
        Token t = peek();
        if (t.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(t.text())) {
            pos++;
            return new Ast.Compare(t.text(), left, rightHandSide(this::additive));
        }
        boolean negated = false;
        if (t.isWord("NOT") && (peek(1).isWord("IN") || peek(1).isWord("BETWEEN") || peek(1).isWord("LIKE"))) {
            pos++;
            negated = true;
        }
        Ast.Expr result;
        if (acceptWord("IN")) {
            result = new Ast.In(left, candidates());
        } else if (acceptWord("BETWEEN")) {
            Ast.Expr low = additive();
            expectWord("AND");
            result = new Ast.Between(left, low, additive());
        } else if (acceptWord("LIKE")) {
            throw Errors.unsupported("Unsupported operation: Like");
        } else if (!negated && acceptWord("IS")) {
            boolean not = acceptWord("NOT");
            Token type = peek();
            String name = type.kind() == Token.Kind.WORD ? TYPE_NAMES.get(type.text().toUpperCase(Locale.ROOT)) : null;
            if (name == null) {
                throw Errors.malformed("Expected type name");
            }
            pos++;
            if (type.isWord("DOUBLE")) {
                acceptWord("PRECISION");
            } else if (type.isWord("CHARACTER")) {
                acceptWord("VARYING");
            }
            return new Ast.Is(left, name, not);
        } else {
            return left;
        }
        return negated ? new Ast.Not(result) : result;
    }

    private List<Ast.Expr> candidates() {
        List<Ast.Expr> candidates = new ArrayList<>();
        if (peek().kind() == Token.Kind.PARAMETER) {
            AttributeValue value = parameter();
            if (value instanceof AttributeValue.L list) {
                list.values().forEach(v -> candidates.add(new Ast.Literal(v)));
                return candidates;
            }
            candidates.add(new Ast.Literal(value));
            return candidates;
        }
        String close;
        if (acceptSymbol("[")) {
            close = "]";
        } else if (acceptSymbol("(")) {
            close = ")";
        } else {
            throw unexpected();
        }
        do {
            candidates.add(additive());
        } while (acceptSymbol(","));
        expectSymbol(close);
        return candidates;
    }

    private Ast.Expr additive() {
        Ast.Expr left = unary();
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            String op = peek().text();
            pos++;
            left = new Ast.Arith(op, left, rightHandSide(this::unary));
        }
        return left;
    }

    private Ast.Expr unary() {
        if (peek().isSymbol("-") && peek(1).kind() == Token.Kind.NUMBER) {
            pos += 2;
            return new Ast.Literal(number("-" + tokens.get(pos - 1).text(), "root"));
        }
        return primary();
    }

    private Ast.Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case STRING, NUMBER, PARAMETER:
                return new Ast.Literal(value("root"));
            case QUOTED:
                return path();
            case WORD:
                if (t.isWord("MISSING")) {
                    pos++;
                    return new Ast.Literal(null);
                }
                if (t.isWord("TRUE") || t.isWord("FALSE") || t.isWord("NULL")) {
                    return new Ast.Literal(value("root"));
                }
                if (isKeyword(t)) {
                    throw unexpected();
                }
                if (peek(1).isSymbol("(")) {
                    return call();
                }
                return path();
            case SYMBOL:
                if (t.isSymbol("(")) {
                    pos++;
                    Ast.Expr inner = expression();
                    expectSymbol(")");
                    return inner;
                }
                if (t.isSymbol("[") || t.isSymbol("{") || t.isSymbol("<<")) {
                    return new Ast.Literal(value("root"));
                }
                throw unexpected();
            default:
                throw unexpected();
        }
    }

    private Ast.Expr call() {
        String name = peek().text().toLowerCase(Locale.ROOT);
        pos += 2;
        List<Ast.Expr> args = new ArrayList<>();
        if (!acceptSymbol(")")) {
            do {
                args.add(expression());
            } while (acceptSymbol(","));
            expectSymbol(")");
        }
        return new Ast.Call(name, args);
    }

    /** A document path: a name, then {@code .name}, {@code ."name"} and {@code [index]} steps. */
    private Ast.Path path() {
        Token t = peek();
        if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.QUOTED) {
            throw unexpected();
        }
        pos++;
        List<Object> elements = new ArrayList<>();
        elements.add(t.text());
        while (true) {
            if (peek().isSymbol(".") && (peek(1).kind() == Token.Kind.WORD || peek(1).kind() == Token.Kind.QUOTED)) {
                elements.add(peek(1).text());
                pos += 2;
            } else if (peek().isSymbol("[") && peek(2).isSymbol("]")
                    && (peek(1).kind() == Token.Kind.NUMBER || peek(1).kind() == Token.Kind.STRING)) {
                Token step = peek(1);
                if (step.kind() == Token.Kind.STRING) {
                    elements.add(step.text());
                } else {
                    try {
                        elements.add(Integer.parseInt(step.text()));
                    } catch (NumberFormatException e) {
                        throw Errors.malformed("Invalid path component");
                    }
                }
                pos += 3;
            } else {
                return new Ast.Path(elements);
            }
        }
    }
}
