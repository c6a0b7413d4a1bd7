package io.dynamokit.test.fault;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request seen by a {@link FaultProxy}, with what the proxy did with it. Immutable.
 */
public final class RecordedRequest {

    /** Outcome of a request that was passed to the upstream. */
    public static final String OUTCOME_FORWARDED = "forwarded";
    /** Outcome of a request that a {@link FaultRule#delay(java.time.Duration) delay} rule held back, then forwarded. */
    public static final String OUTCOME_DELAYED = "delayed";
    /** Outcome of a request whose connection was reset by a {@link FaultRule#resetConnection()} rule. */
    public static final String OUTCOME_RESET = "reset";
    /** Outcome of a batch request answered with every entry unprocessed. */
    public static final String OUTCOME_UNPROCESSED = "unprocessed";
    /** Outcome of a request forwarded, whose answer a {@link FaultRule#rewriteDescribeTable} rule changed. */
    public static final String OUTCOME_REWRITTEN = "rewritten";
    /** Outcome of a request that could not be forwarded; the client received {@code 502 Bad Gateway}. */
    public static final String OUTCOME_UPSTREAM_ERROR = "upstream-error";

    private static final String TARGET_HEADER = "X-Amz-Target";

    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String outcome;

    RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body, String outcome) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body;
        this.outcome = outcome;
    }

    static RecordedRequest of(HttpWire.RequestHead head, byte[] body, String outcome) {
        Map<String, List<String>> collected = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpWire.Field field : head.fields()) {
            collected.computeIfAbsent(field.name(), name -> new ArrayList<>()).add(field.value());
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        collected.forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return new RecordedRequest(head.method(), head.target(), Collections.unmodifiableMap(headers), body.clone(),
                outcome);
    }

    RecordedRequest withOutcome(String newOutcome) {
        return new RecordedRequest(method, path, headers, body, newOutcome);
    }

    /**
     * Returns the operation named by an {@code X-Amz-Target} value.
     *
     * @param target the header value, may be {@code null}
     * @return the part after the last dot ({@code PutItem} for {@code DynamoDB_20120810.PutItem}), or {@code null}
     *         without a target or a dot
     */
    static String operationOf(String target) {
        if (target == null) {
            return null;
        }
        int dot = target.lastIndexOf('.');
        return dot >= 0 && dot < target.length() - 1 ? target.substring(dot + 1) : null;
    }

    /**
     * @return the request method, e.g. {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * @return the request target as sent by the client, including any query string, e.g. {@code /}
     */
    public String path() {
        return path;
    }

    /**
     * @return the DynamoDB operation taken from {@code X-Amz-Target} (the part after the dot, e.g. {@code PutItem}),
     *         or {@code null} if the request has no such header
     */
    public String operation() {
        return operationOf(header(TARGET_HEADER));
    }

    /**
     * @return all request headers as received, unmodifiable; the map looks names up case-insensitively
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * @param name a header name, matched case-insensitively
     * @return the first value of that header, or {@code null} if the request did not have it
     */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * @return a copy of the request body (de-chunked if it was sent chunked); empty if there was none
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * @return the request body decoded as UTF-8
     */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * @return what the proxy did: {@value #OUTCOME_FORWARDED}, {@value #OUTCOME_DELAYED}, {@value #OUTCOME_RESET},
     *         {@value #OUTCOME_UPSTREAM_ERROR}, or the error code of the injected error response (e.g.
     *         {@code ProvisionedThroughputExceededException})
     */
    public String outcome() {
        return outcome;
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + ", operation=" + operation() + ", outcome=" + outcome
                + ", body=" + body.length + " bytes]";
    }
}
