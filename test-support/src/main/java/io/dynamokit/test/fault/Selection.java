package io.dynamokit.test.fault;

/**
 * Which requests a {@link FaultRule} applies to: those of one operation (any, when {@code operation} is null), then of
 * these every one, the first {@code firstCount}, or a pseudo-random share ({@code fraction}, drawn from {@code seed}).
 */
record Selection(String operation, int firstCount, double fraction, long seed) {

    /** The {@code firstCount} of a selection that does not stop after a number of requests. */
    static final int EVERY = -1;

    static final Selection EVERY_REQUEST = new Selection(null, EVERY, Double.NaN, 0L);

    Selection forOperation(String value) {
        return new Selection(value, firstCount, fraction, seed);
    }

    Selection first(int n) {
        return new Selection(operation, n, fraction, seed);
    }

    Selection share(double value, long randomSeed) {
        return new Selection(operation, firstCount, value, randomSeed);
    }

    boolean isFirst() {
        return firstCount != EVERY;
    }

    boolean isShare() {
        return !Double.isNaN(fraction);
    }

    /**
     * @param target the request's {@code X-Amz-Target} header, may be {@code null}
     * @return whether the operation filter accepts the request
     */
    boolean matches(String target) {
        return operation == null || (target != null && target.endsWith("." + operation));
    }

    /**
     * Appends the selection, as a rule's description shows it; nothing for every request of every operation.
     */
    void describeTo(StringBuilder text) {
        if (operation != null) {
            text.append(", operation=").append(operation);
        }
        if (isFirst()) {
            text.append(", first=").append(firstCount);
        }
        if (isShare()) {
            text.append(", share=").append(fraction).append(", seed=").append(seed);
        }
    }
}
