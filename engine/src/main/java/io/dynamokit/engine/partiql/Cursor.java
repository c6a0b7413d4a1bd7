package io.dynamokit.engine.partiql;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.model.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The token cursor the {@link Parser} reads with, the errors DynamoDB gives for a token where a term should start,
 * and constant values: literals (lists, maps and sets of literals become one value, their numbers checked with
 * DynamoDB's rules, the message naming where in the value the number is: {@code under root.m[1]}) and parameters,
 * bound in textual order.
 */
abstract class Cursor {
    static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "IS",
            "BETWEEN", "ORDER", "BY", "INSERT", "INTO", "VALUE", "VALUES", "UPDATE", "SET", "REMOVE", "DELETE",
            "RETURNING", "LIKE", "ASC", "DESC", "EXISTS", "AS", "LIMIT", "GROUP", "HAVING", "UNION", "JOIN");

    static final Map<String, String> TYPE_NAMES = typeNames();

    final List<Token> tokens;
    private final List<AttributeValue> parameters;
    int pos;
    private int bound;

    Cursor(List<Token> tokens, List<AttributeValue> parameters) {
        this.tokens = tokens;
        this.parameters = parameters == null ? List.of() : parameters;
    }

    boolean allParametersBound() {
        return bound == parameters.size();
    }

    static boolean isKeyword(Token t) {
        return t.kind() == Token.Kind.WORD && KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT));
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    boolean acceptWord(String word) {
        if (peek().isWord(word)) {
            pos++;
            return true;
        }
        return false;
    }

    boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    void expectWord(String word) {
        if (!acceptWord(word)) {
            throw unexpected();
        }
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw unexpected();
        }
    }

    /** The error for a token where a term should start, in the words DynamoDB uses for its kind. */
    DynamoException unexpected() {
        Token t = peek();
        if (t.kind() == Token.Kind.END || t.isSymbol(";")) {
            return Errors.malformed("Unexpected term");
        }
        if (t.kind() == Token.Kind.WORD && KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT))) {
            return Errors.malformed("Unexpected keyword");
        }
        if (t.kind() == Token.Kind.SYMBOL) {
            return Errors.malformed("Unexpected operator");
        }
        return Errors.malformed("Unexpected token after expression");
    }

    /** A constant: a literal (possibly a list, map or set of constants) or a bound parameter. */
    AttributeValue value(String where) {
        Token t = peek();
        switch (t.kind()) {
            case STRING:
                pos++;
                return AttributeValue.s(t.text());
            case NUMBER:
                pos++;
                return number(t.text(), where);
            case PARAMETER:
                return parameter();
            case WORD:
                if (acceptWord("TRUE")) {
                    return AttributeValue.TRUE;
                }
                if (acceptWord("FALSE")) {
                    return AttributeValue.FALSE;
                }
                if (acceptWord("NULL")) {
                    return AttributeValue.NULL_VALUE;
                }
                throw Errors.unsupported("Unsupported data type: UNKNOWN");
            default:
                break;
        }
        if (t.isSymbol("-") && peek(1).kind() == Token.Kind.NUMBER) {
            pos += 2;
            return number("-" + tokens.get(pos - 1).text(), where);
        }
        if (acceptSymbol("[")) {
            List<AttributeValue> elements = new ArrayList<>();
            if (!acceptSymbol("]")) {
                do {
                    elements.add(value(where + "[" + elements.size() + "]"));
                } while (acceptSymbol(","));
                expectSymbol("]");
            }
            return new AttributeValue.L(elements);
        }
        if (acceptSymbol("{")) {
            Map<String, AttributeValue> entries = new LinkedHashMap<>();
            if (!acceptSymbol("}")) {
                do {
                    Token key = peek();
                    if (key.kind() != Token.Kind.STRING) {
                        throw key.kind() == Token.Kind.PARAMETER
                                ? Errors.unsupported("Unsupported data type: PARAMETER") : unexpected();
                    }
                    pos++;
                    expectSymbol(":");
                    entries.put(key.text(), value(where + "." + key.text()));
                } while (acceptSymbol(","));
                expectSymbol("}");
            }
            return new AttributeValue.M(entries);
        }
        if (acceptSymbol("<<")) {
            return bag(where);
        }
        throw unexpected();
    }

    AttributeValue bag(String where) {
        List<AttributeValue> members = new ArrayList<>();
        if (!acceptSymbol(">>")) {
            do {
                Token t = peek();
                if (t.kind() != Token.Kind.STRING && t.kind() != Token.Kind.NUMBER && !t.isSymbol("-")) {
                    throw Errors.unsupported("Unsupported data type in Bag");
                }
                members.add(value(where));
            } while (acceptSymbol(","));
            expectSymbol(">>");
        }
        if (members.isEmpty()) {
            throw DynamoException.validation("Empty bags are not supported");
        }
        boolean strings = members.get(0) instanceof AttributeValue.S;
        Set<String> texts = new LinkedHashSet<>();
        Set<BigDecimal> numbers = new LinkedHashSet<>();
        for (AttributeValue member : members) {
            if ((member instanceof AttributeValue.S) != strings) {
                throw DynamoException.validation("DynamoDB only supports either numbers or strings in bags");
            }
            String text = strings ? ((AttributeValue.S) member).value() : ((AttributeValue.N) member).value();
            boolean added = strings ? texts.add(text) : numbers.add(new BigDecimal(text)) && texts.add(text);
            if (!added) {
                throw DynamoException.validation("Input collection contains duplicates");
            }
        }
        return strings ? new AttributeValue.SS(texts) : new AttributeValue.NS(texts);
    }

    AttributeValue number(String text, String where) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw Errors.malformed("");
        }
        try {
            return new AttributeValue.N(Numbers.canonical(value));
        } catch (DynamoException invalid) {
            throw DynamoException.validation(invalid.getMessage() + " under " + where);
        }
    }

    AttributeValue parameter() {
        pos++;
        int index = bound++;
        return index < parameters.size() ? parameters.get(index) : AttributeValue.NULL_VALUE;
    }

    static Map<String, String> typeNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("MISSING", "MISSING");
        names.put("NULL", "NULL");
        for (String b : List.of("BOOL", "BOOLEAN")) {
            names.put(b, "BOOL");
        }
        for (String s : List.of("STRING", "CHAR", "VARCHAR", "CHARACTER", "SYMBOL")) {
            names.put(s, "S");
        }
        for (String n : List.of("NUMBER", "INT", "INTEGER", "INT2", "INT4", "INT8", "SMALLINT", "BIGINT", "DECIMAL",
                "NUMERIC", "FLOAT", "REAL", "DOUBLE")) {
            names.put(n, "N");
        }
        for (String b : List.of("BLOB", "CLOB", "BINARY")) {
            names.put(b, "B");
        }
        names.put("LIST", "L");
        names.put("STRUCT", "M");
        names.put("TUPLE", "M");
        names.put("BAG", "SET");
        names.put("SEXP", "L");
        return names;
    }
}
