package io.dynamokit.engine.http;

import java.util.List;

/** One request as read from a connection: its method, target, header fields in their order, and whole body. */
public final class HttpRequest {
    private final String method;
    private final String target;
    private final boolean http10;
    /** Names and values, alternating, as received. */
    private final List<String> headers;
    private final byte[] body;

    HttpRequest(String method, String target, boolean http10, List<String> headers, byte[] body) {
        this.method = method;
        this.target = target;
        this.http10 = http10;
        this.headers = headers;
        this.body = body;
    }

    public String method() {
        return method;
    }

    public String target() {
        return target;
    }

    /** The first value of a header field, its name compared without case; null when absent. */
    public String header(String name) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase(name)) {
                return headers.get(i + 1);
            }
        }
        return null;
    }

    /** The body, decoded from its chunks when it was sent chunked; empty when there was none. */
    public byte[] body() {
        return body;
    }

    boolean isHead() {
        return method.equals("HEAD");
    }

    /** HTTP/1.1 keeps the connection unless the client says close; HTTP/1.0 connections serve one request. */
    boolean keepAlive() {
        if (http10) {
            return false;
        }
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase("Connection") && hasToken(headers.get(i + 1), "close")) {
                return false;
            }
        }
        return true;
    }

    static boolean hasToken(String list, String token) {
        for (String element : list.split(",")) {
            if (element.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }
}
