package io.dynamokit.engine.partiql;

import java.util.ArrayList;
import java.util.List;

/** Splits a statement into tokens; comments ({@code --} and {@code /* *}{@code /}) are dropped. */
final class Lexer {
    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (pos >= text.length()) {
                tokens.add(new Token(Token.Kind.END, ""));
                return tokens;
            }
            char c = text.charAt(pos);
            if (c == '\'' || c == '"') {
                tokens.add(new Token(c == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED, quoted(c)));
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length()
                    && Character.isDigit(text.charAt(pos + 1)))) {
                tokens.add(new Token(Token.Kind.NUMBER, number()));
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = pos;
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos))
                        || text.charAt(pos) == '_' || text.charAt(pos) == '$')) {
                    pos++;
                }
                tokens.add(new Token(Token.Kind.WORD, text.substring(start, pos)));
            } else if (c == '?') {
                pos++;
                tokens.add(new Token(Token.Kind.PARAMETER, "?"));
            } else {
                tokens.add(new Token(Token.Kind.SYMBOL, symbol(c)));
            }
        }
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("--", pos)) {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw Errors.malformed("");
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    /** A quoted string or name; a doubled quote stands for one. */
    private String quoted(char quote) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw Errors.malformed("Unexpected end of input in quoted literal");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    out.append(quote);
                    pos++;
                    continue;
                }
                return out.toString();
            }
            out.append(c);
        }
    }

    private String number() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = mark;
            }
        }
        return text.substring(start, pos);
    }

    private String symbol(char c) {
        String two = pos + 1 < text.length() ? text.substring(pos, pos + 2) : "";
        for (String s : new String[] {"<=", ">=", "<>", "!=", "<<", ">>", "||"}) {
            if (two.equals(s)) {
                pos += 2;
                return s.equals("!=") ? "<>" : s;
            }
        }
        if ("()[]{},.:*+-/;=<>%".indexOf(c) >= 0) {
            pos++;
            return String.valueOf(c);
        }
        throw Errors.malformed("");
    }
}
