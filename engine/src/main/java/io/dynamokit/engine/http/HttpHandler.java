package io.dynamokit.engine.http;

/**
 * What a server answers. {@link #handle} runs on the connection's own thread, which read the request and writes the
 * answer: one request at a time per connection, many connections at once.
 */
@FunctionalInterface
public interface HttpHandler {

    /** The answer to a well-formed request; exceptions are answered 500 and close the connection. */
    HttpResponse handle(HttpRequest request);

    /**
     * The answer to a request the server refuses before {@link #handle}: 400 (malformed), 413 (body over the limit),
     * 417 (an expectation other than 100-continue), 431 (header section over the limit), 501 (a transfer coding other
     * than chunked), 503 (too many connections), 505 (an HTTP version other than 1.0 and 1.1). The connection is
     * closed after it.
     */
    default HttpResponse refuse(int status, String reason) {
        return HttpResponse.text(status, reason);
    }
}
