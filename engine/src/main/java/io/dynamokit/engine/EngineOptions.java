package io.dynamokit.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link DynamoEngine} runs: its port on 127.0.0.1 (0 for an ephemeral one), where it keeps its data (none:
 * in memory) and how long tables stay CREATING, UPDATING or DELETING (zero: at once). Immutable; each
 * {@code with...} returns a copy.
 */
public final class EngineOptions {
    private final int port;
    private final Path dataDirectory;
    private final Duration tableStatusDelay;

    private EngineOptions(int port, Path dataDirectory, Duration tableStatusDelay) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 (ephemeral) and 65535, was " + port);
        }
        if (tableStatusDelay.isNegative()) {
            throw new IllegalArgumentException("tableStatusDelay must not be negative, was " + tableStatusDelay);
        }
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.tableStatusDelay = tableStatusDelay;
    }

    /** An ephemeral port on 127.0.0.1, data in memory, table statuses that change at once. */
    public static EngineOptions defaults() {
        return new EngineOptions(0, null, Duration.ZERO);
    }

    public EngineOptions withPort(int port) {
        return new EngineOptions(port, dataDirectory, tableStatusDelay);
    }

    /** Keeps every acknowledged write in this directory, so that it survives a restart; null keeps data in memory. */
    public EngineOptions withDataDirectory(Path dataDirectory) {
        return new EngineOptions(port, dataDirectory, tableStatusDelay);
    }

    /** How long CreateTable, UpdateTable and DeleteTable leave a table (or index) in its transitional status. */
    public EngineOptions withTableStatusDelay(Duration tableStatusDelay) {
        return new EngineOptions(port, dataDirectory, tableStatusDelay);
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Duration tableStatusDelay() {
        return tableStatusDelay;
    }
}
