package io.dynamokit.engine.partiql;

/** One token of a statement: its kind and its text (a string's or quoted name's text without the quotes). */
record Token(Kind kind, String text) {
    enum Kind {
        /** A bare word: a keyword or an attribute name. */
        WORD,
        /** A name in double quotes. */
        QUOTED,
        STRING,
        NUMBER,
        PARAMETER,
        /** Punctuation and operators: ( ) [ ] { } , . : * + - / ; = <> < <= > >= << >>. */
        SYMBOL,
        END
    }

    boolean is(Kind k, String t) {
        return kind == k && (kind == Kind.WORD ? text.equalsIgnoreCase(t) : text.equals(t));
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }
}
