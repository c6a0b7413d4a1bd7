package io.dynamokit.test.fault;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Pattern;

import io.dynamokit.test.fault.Fault.Kind;

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

    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]+");

    private final Fault fault;
    private final Selection selection;
    private final SelectionProgress progress;

    private FaultRule(Fault fault, Selection selection) {
        this.fault = fault;
        this.selection = selection;
        this.progress = new SelectionProgress(selection);
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
        if (selection.isShare()) {
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
        if (selection.isFirst()) {
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
        return progress.applied();
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

    Kind kind() {
        return fault.kind();
    }

    Fault fault() {
        return fault;
    }

    DescribeTableRewrite rewrite() {
        return fault.rewrite();
    }

    /**
     * @param target the request's {@code X-Amz-Target} header, may be {@code null}
     * @return whether the rule's operation filter accepts the request
     */
    boolean matches(String target) {
        return selection.matches(target);
    }

    /**
     * @param target the request's {@code X-Amz-Target} header, may be {@code null}
     * @param body the request's body
     * @return whether the rule's operation filter, and for the rules that look at requests, the request, match
     */
    boolean matches(String target, byte[] body) {
        return matches(target) && fault.concerns(body);
    }

    /**
     * Decides, for one matching request, whether the rule applies to it, and counts it if so.
     */
    boolean tryApply() {
        return progress.tryApply();
    }

    /**
     * @return the outcome recorded for a request this rule decided
     */
    String outcome() {
        return fault.outcome();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("FaultRule[");
        fault.describeTo(text);
        selection.describeTo(text);
        return text.append(", applied=").append(progress.applied()).append(']').toString();
    }
}
