package io.dynamokit.engine.http;

import java.nio.charset.StandardCharsets;

/**
 * An answer: status, header fields and body. The server adds {@code Content-Length}, {@code Date} and, when it
 * closes the connection after the answer, {@code Connection: close}; a HEAD request gets the header fields only.
 */
public final class HttpResponse {
    private final int status;
    private final byte[] body;
    private final String[] headers;

    /**
     * @param headers names and values, alternating; header-safe text (no line breaks), which the caller vouches for
     */
    public HttpResponse(int status, byte[] body, String... headers) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be between 100 and 599, was " + status);
        }
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers must alternate names and values, got " + headers.length
                    + " strings");
        }
        this.status = status;
        this.body = body;
        this.headers = headers.clone();
    }

    /** A plain text answer, as the server gives for requests it refuses itself. */
    public static HttpResponse text(int status, String text) {
        return new HttpResponse(status, (text + "\n").getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/plain; charset=utf-8");
    }

    public int status() {
        return status;
    }

    public byte[] body() {
        return body;
    }

    String[] headers() {
        return headers;
    }
}
