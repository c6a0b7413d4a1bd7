package io.dynamokit.engine.model;

import java.math.BigDecimal;

/** DynamoDB's number rules: at most 38 significant digits, magnitude between 1E-130 and 9.99...E+125, canonical text. */
public final class Numbers {
    private static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN = new BigDecimal("1E-130");

    private Numbers() {
    }

    /** Parses and checks a number as DynamoDB does, returning its canonical text. */
    public static String canonical(String text) {
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
