package io.dynamokit.engine;

import io.dynamokit.engine.operations.Operations;
import io.dynamokit.engine.protocol.Dispatcher;
import io.dynamokit.engine.protocol.HttpFront;
import io.dynamokit.engine.storage.Storage;
import java.net.URI;

/**
 * A running DynamoKit Engine: the DynamoDB API (JSON 1.0 protocol) on 127.0.0.1. Start it with
 * {@link #start(EngineOptions)}, point a DynamoDB client at {@link #endpoint()}, {@link #close()} it when done.
 */
public final class DynamoEngine implements AutoCloseable {
    private final Storage storage;
    private final HttpFront front;

    private DynamoEngine(Storage storage, HttpFront front) {
        this.storage = storage;
        this.front = front;
    }

    /** Starts an engine and returns once it answers requests. */
    public static DynamoEngine start(EngineOptions options) {
        Storage storage = new Storage(options.tableStatusDelay());
        Dispatcher dispatcher = new Dispatcher();
        Operations.registerAll(dispatcher, storage);
        HttpFront front = HttpFront.start(options.port(), dispatcher);
        return new DynamoEngine(storage, front);
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return front.port();
    }

    /** The engine's tables, for code in this module that works on them directly. */
    Storage storage() {
        return storage;
    }

    /** Stops serving; with a data directory, everything acknowledged is on disk. */
    @Override
    public void close() {
        front.close();
    }
}
