package io.dynamokit.runtime.instrument;

import java.time.Duration;
import java.util.List;

import io.dynamokit.instrument.DynamoFailure;
import io.dynamokit.instrument.DynamoMeasurement;
import io.dynamokit.instrument.DynamoMeasurement.Outcome;

/**
 * The measurement state of one DynamoDB request (all its attempts). Attempts of one request never overlap, but their
 * callbacks may run on different threads: access is synchronized.
 */
final class CallState {

    private final MethodFrame frame;
    private final InstrumentationScope scope;
    private final MeasurementSink sink;
    private final String operation;
    private final List<String> tables;

    private int attempt;
    private long attemptStart;
    private boolean open;
    private int status;
    private boolean awaitingErrorBody;
    private long answeredAt;
    private Outcome lastOutcome;
    private String lastErrorCode;

    CallState(MethodFrame frame, MeasurementSink sink, String operation, List<String> tables) {
        this.frame = frame;
        this.scope = frame.scope();
        this.sink = sink;
        this.operation = operation;
        this.tables = tables;
        scope.addCall();
    }

    MethodFrame frame() {
        return frame;
    }

    /**
     * A new attempt starts. When the previous one is still open it got no answer: it timed out if it lasted the
     * attempt timeout, else its connection failed.
     */
    synchronized void beginAttempt(long now, long attemptTimeoutNanos) {
        if (open) {
            boolean timedOut = attemptTimeoutNanos > 0 && now - attemptStart >= attemptTimeoutNanos - attemptTimeoutNanos / 20;
            close(now, timedOut ? Outcome.TIMEOUT : Outcome.IO, null, null);
        }
        attempt++;
        attemptStart = now;
        open = true;
        status = 0;
        awaitingErrorBody = false;
    }

    /** The answer's status line and headers arrived; an error is closed once its code is known. */
    synchronized void answered(long now, int httpStatus, String errorCodeHeader) {
        if (!open) {
            return;
        }
        status = httpStatus;
        if (httpStatus >= 400) {
            if (errorCodeHeader != null) {
                close(now, classify(httpStatus, errorCodeHeader), errorCodeHeader, null);
            } else {
                awaitingErrorBody = true;
                answeredAt = now;
            }
        }
    }

    synchronized boolean isAwaitingErrorBody() {
        return open && awaitingErrorBody;
    }

    synchronized void errorBody(String errorCode) {
        if (open && awaitingErrorBody) {
            close(answeredAt, classify(status, errorCode), errorCode, null);
        }
    }

    synchronized void succeeded(long now, Double consumedCapacity) {
        if (open) {
            close(now, Outcome.SUCCESS, null, consumedCapacity);
        }
    }

    synchronized void failed(long now, Throwable failure, Outcome outcomeWithoutAnswer, String errorCode) {
        if (open) {
            if (awaitingErrorBody || status >= 400) {
                close(now, classify(status, errorCode), errorCode, null);
            } else {
                close(now, outcomeWithoutAnswer, errorCode, null);
            }
        }
        sink.failed(new DynamoFailure(operation, tables, attempt, failure, lastOutcome, lastErrorCode,
                sink.service(), sink.environment(), scope.correlationId(), frame.method()));
    }

    private void close(long now, Outcome outcome, String errorCode, Double consumedCapacity) {
        open = false;
        awaitingErrorBody = false;
        long nanos = now - attemptStart;
        scope.addTime(nanos);
        lastOutcome = outcome;
        lastErrorCode = errorCode;
        sink.measured(new DynamoMeasurement(operation, tables, attempt, Duration.ofNanos(nanos), status, outcome,
                errorCode, consumedCapacity, sink.service(), sink.environment(), scope.correlationId(),
                frame.method()));
    }

    static Outcome classify(int status, String errorCode) {
        if (errorCode != null && isThrottling(errorCode)) {
            return Outcome.THROTTLED;
        }
        if (status >= 500) {
            return Outcome.SERVER_ERROR;
        }
        return status == 429 ? Outcome.THROTTLED : Outcome.CLIENT_ERROR;
    }

    static boolean isThrottling(String errorCode) {
        switch (errorCode) {
            case "ProvisionedThroughputExceededException":
            case "ThrottlingException":
            case "Throttling":
            case "ThrottledException":
            case "RequestLimitExceeded":
            case "RequestThrottled":
            case "RequestThrottledException":
            case "TooManyRequestsException":
            case "TransactionInProgressException":
            case "SlowDown":
                return true;
            default:
                return false;
        }
    }
}
