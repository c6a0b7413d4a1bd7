package io.dynamokit.engine.model;

/**
 * A number written as a plain decimal (an optional minus sign, ASCII digits with at most one point, no exponent),
 * read once for what both its canonical text and its size need, without a {@code BigDecimal}. Positions count digits
 * only, the point left out.
 *
 * @param negative      the text starts with a minus sign
 * @param start         index of the first character after the sign
 * @param integerDigits how many digits come before the point (all of them without a point)
 * @param first         position of the first non-zero digit, -1 when the number is zero
 * @param last          position of the last non-zero digit, -1 when the number is zero
 */
record PlainDecimal(boolean negative, int start, int integerDigits, int first, int last) {

    /** The text as a plain decimal; null for any other text (an exponent, a plus sign, no digit, anything else). */
    static PlainDecimal read(String text) {
        int length = text.length();
        boolean negative = length > 0 && text.charAt(0) == '-';
        int start = negative ? 1 : 0;
        int digits = 0;
        int integerDigits = -1;
        int first = -1;
        int last = -1;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (c != '0') {
                    if (first < 0) {
                        first = digits;
                    }
                    last = digits;
                }
                digits++;
            } else if (c == '.' && integerDigits < 0) {
                integerDigits = digits;
            } else {
                return null;
            }
        }
        if (digits == 0) {
            return null;
        }
        return new PlainDecimal(negative, start, integerDigits < 0 ? digits : integerDigits, first, last);
    }

    boolean zero() {
        return first < 0;
    }

    /** Digits from the first non-zero one to the last. */
    int significantDigits() {
        return last - first + 1;
    }

    /** The power of ten of the first non-zero digit. */
    int exponent() {
        return integerDigits - 1 - first;
    }
}
