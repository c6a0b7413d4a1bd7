package io.dynamokit.engine.model;

import java.math.BigDecimal;

/** DynamoDB's number rules: at most 38 significant digits, magnitude between 1E-130 and 9.99...E+125, canonical text. */
public final class Numbers {
    private static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN = new BigDecimal("1E-130");
    private static final int MAX_DIGITS = 38;
    /**
     * Plain texts up to this length are within DynamoDB's magnitudes whatever their digits (at most 10^100 and at
     * least 10^-100), so that only the number of significant digits is to be checked.
     */
    private static final int MAX_PLAIN_LENGTH = 100;

    private Numbers() {
    }

    /** Parses and checks a number as DynamoDB does, returning its canonical text. */
    public static String canonical(String text) {
        String plain = text == null ? null : canonicalIfPlain(text);
        if (plain != null) {
            return plain;
        }
        BigDecimal value;
        try {
            if (text == null || text.isEmpty() || text.strip().length() != text.length()) {
                throw new NumberFormatException();
            }
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw DynamoException.validation("A value provided cannot be converted into a number");
        }
        return canonical(value);
    }

    /**
     * The canonical text of a plain decimal (an optional minus sign, ASCII digits with at most one point, no exponent)
     * of at most {@value #MAX_DIGITS} significant digits, worked out without a {@code BigDecimal}: the same text as
     * {@link #canonical(BigDecimal)} gives. Null for any other text (one the caller reads the long way, which also
     * reports what is wrong with it).
     */
    public static String canonicalIfPlain(String text) {
        int length = text.length();
        if (length > MAX_PLAIN_LENGTH) {
            return null;
        }
        PlainDecimal plain = PlainDecimal.read(text);
        if (plain == null) {
            return null;
        }
        if (plain.zero()) {
            return "0";
        }
        if (plain.significantDigits() > MAX_DIGITS) {
            return null;
        }
        boolean negative = plain.negative();
        int start = plain.start();
        int integerDigits = plain.integerDigits();
        int first = plain.first();
        int last = plain.last();
        StringBuilder canonical = new StringBuilder(length + 2);
        if (negative) {
            canonical.append('-');
        }
        if (first < integerDigits) {
            // at least 1: the integer digits from the first significant one, then the fraction's up to the last one
            appendDigits(text, start, first, integerDigits, canonical);
            if (last >= integerDigits) {
                canonical.append('.');
                appendDigits(text, start, integerDigits, last + 1, canonical);
            }
        } else {
            canonical.append("0.");
            for (int i = integerDigits; i < first; i++) {
                canonical.append('0');
            }
            appendDigits(text, start, first, last + 1, canonical);
        }
        return canonical.toString();
    }

    /** Appends the digits at positions {@code from} (inclusive) to {@code to} (exclusive), skipping the point. */
    private static void appendDigits(String text, int start, int from, int to, StringBuilder out) {
        int position = 0;
        for (int i = start; i < text.length() && position < to; i++) {
            char c = text.charAt(i);
            if (c != '.') {
                if (position >= from) {
                    out.append(c);
                }
                position++;
            }
        }
    }

    public static String canonical(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.precision() > 38) {
            throw DynamoException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal abs = stripped.abs();
        if (abs.compareTo(MAX) > 0) {
            throw DynamoException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (abs.compareTo(MIN) < 0) {
            throw DynamoException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return stripped.toPlainString();
    }
}
