package io.dynamokit.test.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * What a {@link FaultProxy} does to some of the requests passing through it.
 * <p>
 * A rule is made of a fault (one of the static factories) and optionally a selection: {@link #forOperation(String)}
 * narrows the requests it matches, and {@link #first(int)} or {@link #share(double, long)} chooses which matching
 * requests it applies to; without either it applies to every matching request. The configuration is immutable: every
 * fluent method returns a new rule with its own, fresh counters. The only state is the count of applications
 * ({@link #timesApplied()}) and, for {@code first}/{@code share}, the selection progress; both are thread-safe.
 *
 * <pre>{@code
 * proxy.addRule(FaultRule.provisionedThroughputExceeded().forOperation("PutItem").first(2));
 * }</pre>
 */
public final class FaultRule {

    enum Kind {
        ERROR,
        DELAY,
        RESET,
        UNPROCESSED
    }

    private static final String ERROR_TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final int EVERY = -1;

    private final Kind kind;
    private final int status;
    private final String errorCode;
    private final Duration delay;
    private final String operation;
    private final int firstCount;
    private final double fraction;
    private final long seed;
    private final boolean errorCodeInBodyOnly;

    private final AtomicInteger applied = new AtomicInteger();
    private final Random random;

    private FaultRule(Kind kind, int status, String errorCode, Duration delay, String operation, int firstCount,
            double fraction, long seed) {
        this(kind, status, errorCode, delay, operation, firstCount, fraction, seed, false);
    }

    private FaultRule(Kind kind, int status, String errorCode, Duration delay, String operation, int firstCount,
            double fraction, long seed, boolean errorCodeInBodyOnly) {
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
        this.delay = delay;
        this.operation = operation;
        this.firstCount = firstCount;
        this.fraction = fraction;
        this.seed = seed;
        this.errorCodeInBodyOnly = errorCodeInBodyOnly;
        this.random = Double.isNaN(fraction) ? null : new Random(seed);
    }

    private static FaultRule of(Kind kind, int status, String errorCode, Duration delay) {
        return new FaultRule(kind, status, errorCode, delay, null, EVERY, Double.NaN, 0L);
    }

    /**
     * @return a rule answering {@code 400} with DynamoDB's {@code ProvisionedThroughputExceededException}
     */
    public static FaultRule provisionedThroughputExceeded() {
        return error(400, "ProvisionedThroughputExceededException");
    }

    /**
     * @return a rule answering {@code 400} with {@code ThrottlingException}
     */
    public static FaultRule throttlingException() {
        return error(400, "ThrottlingException");
    }

    /**
     * @return a rule answering {@code 500} with {@code InternalServerError}
     */
    public static FaultRule internalServerError() {
        return error(500, "InternalServerError");
    }

    /**
     * @return a rule answering {@code 503} with {@code ServiceUnavailable}
     */
    public static FaultRule serviceUnavailable() {
        return error(503, "ServiceUnavailable");
    }

    /**
     * A rule answering with a DynamoDB-shaped JSON error instead of forwarding the request: headers
     * {@code Content-Type: application/x-amz-json-1.0}, {@code x-amzn-RequestId}, {@code x-amzn-ErrorType} (unless
     * {@link #errorCodeInBodyOnly()}) and {@code x-amz-crc32}, body
     * {@code {"__type":"com.amazonaws.dynamodb.v20120810#<code>","message":"Injected by FaultProxy: <code>"}}.
     *
     * @param status the HTTP status, 400 to 599
     * @param errorCode the DynamoDB error code, letters, digits, {@code _ . -} only
     * @return the rule
     */
    public static FaultRule error(int status, String errorCode) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Error status must be between 400 and 599: " + status);
        }
        Objects.requireNonNull(errorCode, "errorCode");
        if (!ERROR_CODE.matcher(errorCode).matches()) {
            throw new IllegalArgumentException("Invalid error code: " + errorCode);
        }
        return of(Kind.ERROR, status, errorCode, null);
    }

    /**
     * @param delay how long to hold the request back before forwarding it normally; zero or more
     * @return a rule delaying requests
     */
    public static FaultRule delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Negative delay: " + delay);
        }
        return of(Kind.DELAY, 0, null, delay);
    }

    /**
     * @return a rule closing the client connection with a TCP reset instead of answering
     */
    public static FaultRule resetConnection() {
        return of(Kind.RESET, 0, null, null);
    }

    /**
     * @return a rule answering a {@code BatchWriteItem} or {@code BatchGetItem} with {@code 200} and every entry of
     *         the request declared unprocessed ({@code UnprocessedItems}, {@code UnprocessedKeys}), without forwarding
     *         it: what DynamoDB does when a partition is over its throughput. Other operations are forwarded.
     */
    public static FaultRule unprocessed() {
        return of(Kind.UNPROCESSED, 200, null, null);
    }

    /**
     * @param n how many matching requests the rule applies to, zero or more; later ones fall through to the next
     *        rule or to the upstream
     * @return a new rule applying to the first {@code n} matching requests only
     * @throws IllegalStateException if {@link #share(double, long)} was already chosen
     */
    public FaultRule first(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Negative count: " + n);
        }
        if (!Double.isNaN(fraction)) {
            throw new IllegalStateException("share(...) and first(...) cannot be combined");
        }
        return new FaultRule(kind, status, errorCode, delay, operation, n, fraction, seed, errorCodeInBodyOnly);
    }

    /**
     * @param fraction the share of matching requests the rule applies to, 0.0 to 1.0
     * @param seed the seed of the {@link Random} drawing one number per matching request; same seed, same choices
     * @return a new rule applying to a deterministic pseudo-random share of matching requests
     * @throws IllegalStateException if {@link #first(int)} was already chosen
     */
    public FaultRule share(double fraction, long seed) {
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("Fraction must be between 0.0 and 1.0: " + fraction);
        }
        if (firstCount != EVERY) {
            throw new IllegalStateException("share(...) and first(...) cannot be combined");
        }
        return new FaultRule(kind, status, errorCode, delay, operation, firstCount, fraction, seed,
                errorCodeInBodyOnly);
    }

    /**
     * @param operation a DynamoDB operation name such as {@code PutItem}
     * @return a new rule matching only requests whose {@code X-Amz-Target} header ends with {@code "." + operation}
     */
    public FaultRule forOperation(String operation) {
        Objects.requireNonNull(operation, "operation");
        if (operation.isBlank()) {
            throw new IllegalArgumentException("Blank operation");
        }
        return new FaultRule(kind, status, errorCode, delay, operation, firstCount, fraction, seed,
                errorCodeInBodyOnly);
    }

    /**
     * The error answer without the {@code x-amzn-ErrorType} header: the error code is only in the JSON body's
     * {@code __type}, as some DynamoDB endpoints and proxies answer.
     *
     * @return a new rule answering like this one, the error code in the body only
     * @throws IllegalStateException if the rule does not answer with an error
     */
    public FaultRule errorCodeInBodyOnly() {
        if (kind != Kind.ERROR) {
            throw new IllegalStateException("errorCodeInBodyOnly() applies to error rules only, not to " + this);
        }
        return new FaultRule(kind, status, errorCode, delay, operation, firstCount, fraction, seed, true);
    }

    /**
     * @return how many requests this rule has decided so far
     */
    public int timesApplied() {
        return applied.get();
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }

    Duration delay() {
        return delay;
    }

    boolean isErrorCodeInBodyOnly() {
        return errorCodeInBodyOnly;
    }

    /**
     * @param target the request's {@code X-Amz-Target} header, may be {@code null}
     * @return whether the rule's operation filter accepts the request
     */
    boolean matches(String target) {
        return operation == null || (target != null && target.endsWith("." + operation));
    }

    /**
     * Decides, for one matching request, whether the rule applies to it, and counts it if so.
     */
    boolean tryApply() {
        if (firstCount != EVERY) {
            int current;
            do {
                current = applied.get();
                if (current >= firstCount) {
                    return false;
                }
            } while (!applied.compareAndSet(current, current + 1));
            return true;
        }
        if (random != null) {
            boolean chosen;
            synchronized (random) {
                chosen = random.nextDouble() < fraction;
            }
            if (!chosen) {
                return false;
            }
        }
        applied.incrementAndGet();
        return true;
    }

    /**
     * @return the outcome recorded for a request this rule decided
     */
    String outcome() {
        switch (kind) {
            case ERROR:
                return errorCode;
            case DELAY:
                return RecordedRequest.OUTCOME_DELAYED;
            case UNPROCESSED:
                return RecordedRequest.OUTCOME_UNPROCESSED;
            default:
                return RecordedRequest.OUTCOME_RESET;
        }
    }

    /**
     * @return the JSON body of the error response
     */
    byte[] errorBody() {
        return ("{\"__type\":\"" + ERROR_TYPE_PREFIX + errorCode + "\",\"message\":\"Injected by FaultProxy: "
                + errorCode + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("FaultRule[");
        switch (kind) {
            case ERROR:
                text.append(status).append(' ').append(errorCode);
                if (errorCodeInBodyOnly) {
                    text.append(" (in body only)");
                }
                break;
            case DELAY:
                text.append("delay ").append(delay);
                break;
            case UNPROCESSED:
                text.append("unprocessed");
                break;
            default:
                text.append("reset");
                break;
        }
        if (operation != null) {
            text.append(", operation=").append(operation);
        }
        if (firstCount != EVERY) {
            text.append(", first=").append(firstCount);
        }
        if (random != null) {
            text.append(", share=").append(fraction).append(", seed=").append(seed);
        }
        return text.append(", applied=").append(applied.get()).append(']').toString();
    }
}
