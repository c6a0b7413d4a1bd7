package io.dynamokit.engine;

import io.dynamokit.engine.operations.Operations;
import io.dynamokit.engine.protocol.Dispatcher;
import io.dynamokit.engine.protocol.HttpFront;
import io.dynamokit.engine.protocol.WarmUp;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.TimeToLiveExpiry;
import io.dynamokit.engine.storage.journal.Journal;
import io.dynamokit.engine.streams.ShardIterators;
import io.dynamokit.engine.streams.StreamStore;
import java.net.URI;
import java.time.Duration;

/**
 * A running DynamoKit Engine: the DynamoDB API (JSON 1.0 protocol) on 127.0.0.1. Start it with
 * {@link #start(EngineOptions)}, point a DynamoDB client at {@link #endpoint()}, {@link #close()} it when done.
 */
public final class DynamoEngine implements AutoCloseable {
    /** How often expired items are looked for: DynamoDB removes them within days, the engine within this delay. */
    private static final Duration EXPIRY_INTERVAL = Duration.ofSeconds(1);

    private final Storage storage;
    private final HttpFront front;
    private final Journal journal;
    private final TimeToLiveExpiry expiry;

    private DynamoEngine(Storage storage, HttpFront front, Journal journal, TimeToLiveExpiry expiry) {
        this.storage = storage;
        this.front = front;
        this.journal = journal;
        this.expiry = expiry;
    }

    /**
     * Starts an engine and returns once it answers requests. With a data directory, what it holds is loaded first;
     * {@link io.dynamokit.engine.storage.journal.DataDirectoryException} (an IllegalStateException naming the file
     * and what to do) when it is in use by another engine, unreadable or damaged.
     */
    public static DynamoEngine start(EngineOptions options) {
        WarmUp.inBackground();
        Storage storage = new Storage(options.tableStatusDelay());
        Journal journal = options.dataDirectory() == null ? null
                : Journal.open(options.dataDirectory(), storage,
                        new Journal.Settings(options.fsync(), options.journalLimit()));
        // after the journal's listener, so that a change the journal refuses never reaches a stream
        StreamStore streams = StreamStore.attach(storage);
        ShardIterators iterators = new ShardIterators(streams);
        Dispatcher dispatcher = new Dispatcher(name -> Operations.create(name, storage),
                name -> Operations.createStreams(name, storage, streams, iterators));
        HttpFront front;
        try {
            front = HttpFront.start(options.port(), dispatcher);
        } catch (RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            throw e;
        }
        return new DynamoEngine(storage, front, journal, TimeToLiveExpiry.start(storage, EXPIRY_INTERVAL));
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
        expiry.close();
        front.close();
        if (journal != null) {
            journal.close();
        }
    }
}
