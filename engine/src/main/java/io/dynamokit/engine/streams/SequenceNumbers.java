package io.dynamokit.engine.streams;

import java.math.BigInteger;

/**
 * Sequence numbers: one counter for the whole engine, shown as DynamoDB shows its numbers, a decimal string of 21
 * digits (here {@code 1} followed by the counter on 20 digits), so that they increase both as numbers and as text.
 */
final class SequenceNumbers {
    private static final BigInteger BASE = BigInteger.TEN.pow(20);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private SequenceNumbers() {
    }

    static String format(long sequence) {
        return BASE.add(BigInteger.valueOf(sequence)).toString();
    }

    /**
     * The counter a sequence number names; -1 for a number below every number the engine gives,
     * {@link Long#MAX_VALUE} for one above; null when the text is not a sequence number at all.
     */
    static Long parse(String text) {
        if (text == null || text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        BigInteger value = new BigInteger(text).subtract(BASE);
        if (value.signum() < 0) {
            return -1L;
        }
        return value.compareTo(MAX) >= 0 ? Long.MAX_VALUE : value.longValue();
    }
}
