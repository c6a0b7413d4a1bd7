package io.dynamokit.engine;

import java.net.URI;

/**
 * A running DynamoKit Engine: the DynamoDB API (JSON 1.0 protocol) on 127.0.0.1. Start it with
 * {@link #start(EngineOptions)}, point a DynamoDB client at {@link #endpoint()}, {@link #close()} it when done.
 */
public final class DynamoEngine implements AutoCloseable {

    private DynamoEngine() {
    }

    /** Starts an engine and returns once it answers requests. */
    public static DynamoEngine start(EngineOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        throw new UnsupportedOperationException("not yet");
    }

    public int port() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Stops serving; with a data directory, everything acknowledged is on disk. */
    @Override
    public void close() {
    }
}
