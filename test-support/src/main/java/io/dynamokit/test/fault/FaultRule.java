package io.dynamokit.test.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
        UNPROCESSED,
        REWRITE_DESCRIBE_TABLE
    }

    private static final String ERROR_TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final int EVERY = -1;

    /** What a rule does to a request it applies to. */
    private record Fault(Kind kind, int status, String errorCode, Duration delay, List<String> cancellationReasons,
            DescribeTableRewrite rewrite, boolean errorCodeInBodyOnly) {

        static Fault of(Kind kind, int status) {
            return new Fault(kind, status, null, null, List.of(), null, false);
        }

        Fault withErrorCode(String code, List<String> reasons) {
            return new Fault(kind, status, code, delay, reasons, rewrite, errorCodeInBodyOnly);
        }

        Fault withDelay(Duration value) {
            return new Fault(kind, status, errorCode, value, cancellationReasons, rewrite, errorCodeInBodyOnly);
        }

        Fault withRewrite(DescribeTableRewrite value) {
            return new Fault(kind, status, errorCode, delay, cancellationReasons, value, errorCodeInBodyOnly);
        }

        Fault inBodyOnly() {
            return new Fault(kind, status, errorCode, delay, cancellationReasons, rewrite, true);
        }
    }

    /** Which matching requests a rule applies to: an operation filter, then every one, the first n or a share. */
    private record Selection(String operation, int firstCount, double fraction, long seed) {

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
    }

    private final Fault fault;
    private final Selection selection;

    private final AtomicInteger applied = new AtomicInteger();
    private final Random random;

    private FaultRule(Fault fault, Selection selection) {
        this.fault = fault;
        this.selection = selection;
        this.random = Double.isNaN(selection.fraction()) ? null : new Random(selection.seed());
    }

    private static FaultRule every(Fault fault) {
        return new FaultRule(fault, Selection.EVERY_REQUEST);
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
        return every(Fault.of(Kind.ERROR, status).withErrorCode(errorCode, List.of()));
    }

    /**
     * A rule answering {@code 400} with {@code TransactionCanceledException}, as {@link #error(int, String)} does, its
     * body also carrying {@code CancellationReasons}: one per action of the transaction, with the given codes
     * ({@code None}, {@code ConditionalCheckFailed}, {@code ThrottlingError}, ...).
     *
     * @param reasonCodes the cancellation reason code of each action, in order
     * @return the rule
     */
    public static FaultRule transactionCanceled(String... reasonCodes) {
        for (String code : reasonCodes) {
            if (!ERROR_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("Invalid cancellation reason code: " + code);
            }
        }
        return every(Fault.of(Kind.ERROR, 400).withErrorCode("TransactionCanceledException", List.of(reasonCodes)));
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
        return every(Fault.of(Kind.DELAY, 0).withDelay(delay));
    }

    /**
     * @return a rule closing the client connection with a TCP reset instead of answering
     */
    public static FaultRule resetConnection() {
        return every(Fault.of(Kind.RESET, 0));
    }

    /**
     * @return a rule answering a {@code BatchWriteItem} or {@code BatchGetItem} with {@code 200} and every entry of
     *         the request declared unprocessed ({@code UnprocessedItems}, {@code UnprocessedKeys}), without forwarding
     *         it: what DynamoDB does when a partition is over its throughput. Other operations are forwarded.
     */
    public static FaultRule unprocessed() {
        return every(Fault.of(Kind.UNPROCESSED, 200));
    }

    /**
     * A rule passing {@code DescribeTable} requests for one table to the upstream and changing the table's status in
     * the answer ({@code Table.TableStatus}), for what an upstream that changes tables at once never shows for long: a
     * table being created, updated or deleted. Other tables' requests do not match. With {@link #first(int)}, the table is seen in that
     * status that many times, then as the upstream reports it.
     *
     * <pre>{@code
     * proxy.addRule(FaultRule.rewriteDescribeTable("Thread", "CREATING").first(3));
     * }</pre>
     *
     * @param tableName the table's name in DynamoDB
     * @param tableStatus the status to report, such as {@code CREATING}, {@code UPDATING} or {@code DELETING}
     * @return the rule
     */
    public static FaultRule rewriteDescribeTable(String tableName, String tableStatus) {
        return describeTableRewrite(new DescribeTableRewrite(name(tableName, "tableName"), null,
                status(tableStatus)));
    }

    /**
     * A rule passing {@code DescribeTable} requests for one table to the upstream and changing the status of one of
     * its global secondary indexes in the answer ({@code IndexStatus}), such as an index still being created and
     * backfilled. The answer is left as it is when the table has no such global secondary index.
     *
     * @param tableName the table's name in DynamoDB
     * @param indexName the global secondary index
     * @param indexStatus the status to report, such as {@code CREATING}, {@code UPDATING} or {@code DELETING}
     * @return the rule
     */
    public static FaultRule rewriteDescribeTableIndex(String tableName, String indexName, String indexStatus) {
        return describeTableRewrite(new DescribeTableRewrite(name(tableName, "tableName"),
                name(indexName, "indexName"), status(indexStatus)));
    }

    private static FaultRule describeTableRewrite(DescribeTableRewrite rewrite) {
        return new FaultRule(Fault.of(Kind.REWRITE_DESCRIBE_TABLE, 200).withRewrite(rewrite),
                Selection.EVERY_REQUEST.forOperation("DescribeTable"));
    }

    private static String name(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException("Blank " + what);
        }
        return name;
    }

    private static String status(String status) {
        Objects.requireNonNull(status, "status");
        if (!ERROR_CODE.matcher(status).matches()) {
            throw new IllegalArgumentException("Invalid status: " + status);
        }
        return status;
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
        if (!Double.isNaN(selection.fraction())) {
            throw new IllegalStateException("share(...) and first(...) cannot be combined");
        }
        return new FaultRule(fault, selection.first(n));
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
        if (selection.firstCount() != EVERY) {
            throw new IllegalStateException("share(...) and first(...) cannot be combined");
        }
        return new FaultRule(fault, selection.share(fraction, seed));
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
        return new FaultRule(fault, selection.forOperation(operation));
    }

    /**
     * @return how many requests this rule has decided so far
     */
    public int timesApplied() {
        return applied.get();
    }

    Kind kind() {
        return fault.kind();
    }

    int status() {
        return fault.status();
    }

    String errorCode() {
        return fault.errorCode();
    }

    /**
     * The error answer without the {@code x-amzn-ErrorType} header: the error code is only in the JSON body's
     * {@code __type}, as some DynamoDB endpoints and proxies answer.
     *
     * @return a new rule answering like this one, the error code in the body only
     * @throws IllegalStateException if the rule does not answer with an error
     */
    public FaultRule errorCodeInBodyOnly() {
        if (fault.kind() != Kind.ERROR) {
            throw new IllegalStateException("errorCodeInBodyOnly() applies to error rules only, not to " + this);
        }
        return new FaultRule(fault.inBodyOnly(), selection);
    }

    Duration delay() {
        return fault.delay();
    }

    DescribeTableRewrite rewrite() {
        return fault.rewrite();
    }

    boolean isErrorCodeInBodyOnly() {
        return fault.errorCodeInBodyOnly();
    }

    /**
     * @param target the request's {@code X-Amz-Target} header, may be {@code null}
     * @return whether the rule's operation filter accepts the request
     */
    boolean matches(String target) {
        String operation = selection.operation();
        return operation == null || (target != null && target.endsWith("." + operation));
    }

    /**
     * @param target the request's {@code X-Amz-Target} header, may be {@code null}
     * @param body the request's body
     * @return whether the rule's operation filter, and for the rules that look at requests, the request, match
     */
    boolean matches(String target, byte[] body) {
        if (!matches(target)) {
            return false;
        }
        if (fault.kind() == Kind.REWRITE_DESCRIBE_TABLE) {
            return fault.rewrite().matches(body);
        }
        return true;
    }

    /**
     * Decides, for one matching request, whether the rule applies to it, and counts it if so.
     */
    boolean tryApply() {
        int firstCount = selection.firstCount();
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
                chosen = random.nextDouble() < selection.fraction();
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
        switch (fault.kind()) {
            case ERROR:
                return fault.errorCode();
            case DELAY:
                return RecordedRequest.OUTCOME_DELAYED;
            case UNPROCESSED:
                return RecordedRequest.OUTCOME_UNPROCESSED;
            case REWRITE_DESCRIBE_TABLE:
                return RecordedRequest.OUTCOME_REWRITTEN;
            default:
                return RecordedRequest.OUTCOME_RESET;
        }
    }

    /**
     * @return the JSON body of the error response
     */
    byte[] errorBody() {
        String errorCode = fault.errorCode();
        List<String> cancellationReasons = fault.cancellationReasons();
        StringBuilder body = new StringBuilder().append("{\"__type\":\"").append(ERROR_TYPE_PREFIX).append(errorCode)
                .append("\",\"message\":\"Injected by FaultProxy: ").append(errorCode).append('"');
        if (!cancellationReasons.isEmpty()) {
            body.append(",\"CancellationReasons\":[");
            for (int i = 0; i < cancellationReasons.size(); i++) {
                body.append(i == 0 ? "" : ",").append("{\"Code\":\"").append(cancellationReasons.get(i)).append("\"}");
            }
            body.append(']');
        }
        return body.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("FaultRule[");
        switch (fault.kind()) {
            case ERROR:
                text.append(fault.status()).append(' ').append(fault.errorCode());
                if (fault.errorCodeInBodyOnly()) {
                    text.append(" (in body only)");
                }
                break;
            case DELAY:
                text.append("delay ").append(fault.delay());
                break;
            case UNPROCESSED:
                text.append("unprocessed");
                break;
            case REWRITE_DESCRIBE_TABLE:
                text.append("rewrite ").append(fault.rewrite());
                break;
            default:
                text.append("reset");
                break;
        }
        if (selection.operation() != null) {
            text.append(", operation=").append(selection.operation());
        }
        if (selection.firstCount() != EVERY) {
            text.append(", first=").append(selection.firstCount());
        }
        if (random != null) {
            text.append(", share=").append(selection.fraction()).append(", seed=").append(selection.seed());
        }
        return text.append(", applied=").append(applied.get()).append(']').toString();
    }
}
