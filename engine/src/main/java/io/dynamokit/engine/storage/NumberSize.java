package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.ItemSize;

/**
 * A number's size as {@link ItemSize#number} counts it, read from its plain text ({@code -?digits[.digits]}, the
 * canonical form) without parsing it into a {@code BigDecimal}: every stored number is counted once, when its item is
 * stored. Any other text is left to {@link ItemSize#number}.
 */
final class NumberSize {

    private NumberSize() {
    }

    static long of(String text) {
        int length = text.length();
        boolean negative = length > 0 && text.charAt(0) == '-';
        int start = negative ? 1 : 0;
        if (start == length || !isDigit(text.charAt(start))) {
            return ItemSize.number(text);
        }
        // positions count digits only, the decimal point left out
        int integerDigits = -1;
        int firstNonZero = -1;
        int lastNonZero = -1;
        int digit = 0;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.' && integerDigits < 0 && i + 1 < length) {
                integerDigits = digit;
                continue;
            }
            if (!isDigit(c)) {
                return ItemSize.number(text);
            }
            if (c != '0') {
                if (firstNonZero < 0) {
                    firstNonZero = digit;
                }
                lastNonZero = digit;
            }
            digit++;
        }
        if (firstNonZero < 0) {
            return 1;
        }
        if (integerDigits < 0) {
            integerDigits = digit;
        }
        int digits = lastNonZero - firstNonZero + 1;
        // the exponent of the leading digit: the pairs of digits are aligned on it
        int exponent = integerDigits - 1 - firstNonZero;
        long size = 1 + (digits + 1) / 2;
        if (digits % 2 == 0 && exponent % 2 == 0) {
            size++;
        }
        if (negative) {
            size++;
        }
        return size;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
