package io.dynamokit.engine.http;

/** A request the server answers itself, with this status and reason, before closing the connection. */
final class RefusedRequest extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    RefusedRequest(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
