package io.dynamokit.engine.expressions;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens, keeping each token's place in the text for DynamoDB's syntax error messages. */
final class Lexer {

    enum Kind { IDENT, NAME_REF, VALUE_REF, NUMBER, PUNCT, OTHER, EOF }

    /** One token; {@code start}/{@code end} index the original text. */
    record Token(Kind kind, String text, int start, int end) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }

        /** A keyword is an identifier, matched regardless of case. */
        boolean isKeyword(String keyword) {
            return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
        }
    }

    private Lexer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                tokens.add(new Token(Kind.EOF, "<EOF>", n, n));
                return tokens;
            }
            char c = text.charAt(i);
            int start = i;
            if (isLetter(c) || c == '_') {
                i = identifierEnd(text, i + 1);
                tokens.add(new Token(Kind.IDENT, text.substring(start, i), start, i));
            } else if (c == '#' || c == ':') {
                i = identifierEnd(text, i + 1);
                tokens.add(new Token(c == '#' ? Kind.NAME_REF : Kind.VALUE_REF, text.substring(start, i), start, i));
            } else if (c >= '0' && c <= '9') {
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start, i));
            } else if ((c == '<' || c == '>') && i + 1 < n && text.charAt(i + 1) == '=') {
                i += 2;
                tokens.add(new Token(Kind.PUNCT, text.substring(start, i), start, i));
            } else if (c == '<' && i + 1 < n && text.charAt(i + 1) == '>') {
                i += 2;
                tokens.add(new Token(Kind.PUNCT, "<>", start, i));
            } else if ("=<>()[],.+-".indexOf(c) >= 0) {
                i++;
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), start, i));
            } else {
                i += Character.charCount(text.codePointAt(i));
                tokens.add(new Token(Kind.OTHER, text.substring(start, i), start, i));
            }
        }
    }

    private static int identifierEnd(String text, int i) {
        while (i < text.length() && isIdentifierPart(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isIdentifierPart(char c) {
        return isLetter(c) || c == '_' || (c >= '0' && c <= '9');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
