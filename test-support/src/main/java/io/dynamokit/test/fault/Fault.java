package io.dynamokit.test.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link FaultRule} does to a request it applies to: answer with an error, hold it back, reset its connection,
 * answer a batch with every entry unprocessed, or change the upstream's answer to a {@code DescribeTable}. Only the
 * components of its kind are set.
 */
record Fault(Kind kind, int status, String errorCode, Duration delay, List<String> cancellationReasons,
        DescribeTableRewrite rewrite, boolean errorCodeInBodyOnly) {

    enum Kind {
        ERROR,
        DELAY,
        RESET,
        UNPROCESSED,
        REWRITE_DESCRIBE_TABLE
    }

    private static final String ERROR_TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";

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

    /**
     * @param body the request's body
     * @return whether the request is one this fault concerns: for a {@code DescribeTable} rewrite, a request for its
     *         table; for the other kinds, any request
     */
    boolean concerns(byte[] body) {
        if (kind == Kind.REWRITE_DESCRIBE_TABLE) {
            return rewrite.matches(body);
        }
        return true;
    }

    /**
     * @return the outcome recorded for a request this fault was applied to
     */
    String outcome() {
        switch (kind) {
            case ERROR:
                return errorCode;
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

    /**
     * Appends what the fault does, as a rule's description shows it.
     */
    void describeTo(StringBuilder text) {
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
            case REWRITE_DESCRIBE_TABLE:
                text.append("rewrite ").append(rewrite);
                break;
            default:
                text.append("reset");
                break;
        }
    }
}
