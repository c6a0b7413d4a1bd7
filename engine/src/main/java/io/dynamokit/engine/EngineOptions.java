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
    private final boolean fsync;
    private final long journalLimit;

    private EngineOptions(int port, Path dataDirectory, Duration tableStatusDelay, boolean fsync, long journalLimit) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 (ephemeral) and 65535, was " + port);
        }
        if (tableStatusDelay.isNegative()) {
            throw new IllegalArgumentException("tableStatusDelay must not be negative, was " + tableStatusDelay);
        }
        if (journalLimit <= 0) {
            throw new IllegalArgumentException("journalLimit must be positive, was " + journalLimit);
        }
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.tableStatusDelay = tableStatusDelay;
        this.fsync = fsync;
        this.journalLimit = journalLimit;
    }

    /** An ephemeral port on 127.0.0.1, data in memory, table statuses that change at once. */
    public static EngineOptions defaults() {
        return new EngineOptions(0, null, Duration.ZERO, false, 64L * 1024 * 1024);
    }

    public EngineOptions withPort(int port) {
        return new EngineOptions(port, dataDirectory, tableStatusDelay, fsync, journalLimit);
    }

    /** Keeps every acknowledged write in this directory, so that it survives a restart; null keeps data in memory. */
    public EngineOptions withDataDirectory(Path dataDirectory) {
        return new EngineOptions(port, dataDirectory, tableStatusDelay, fsync, journalLimit);
    }

    /** How long CreateTable, UpdateTable and DeleteTable leave a table (or index) in its transitional status. */
    public EngineOptions withTableStatusDelay(Duration tableStatusDelay) {
        return new EngineOptions(port, dataDirectory, tableStatusDelay, fsync, journalLimit);
    }

    /**
     * With a data directory: whether each write is also forced to the disk before it is answered (it then survives a
     * power loss or an OS crash, at the cost of a disk flush per write). Without, every acknowledged write is handed
     * to the OS before the answer, which survives the engine's process being killed. Off by default.
     */
    public EngineOptions withFsync(boolean fsync) {
        return new EngineOptions(port, dataDirectory, tableStatusDelay, fsync, journalLimit);
    }

    /**
     * With a data directory: the journal size in bytes from which the next write starts a new journal and writes a
     * snapshot of every table in the background, which then replaces the older journal. 64 MB by default.
     */
    public EngineOptions withJournalLimit(long bytes) {
        return new EngineOptions(port, dataDirectory, tableStatusDelay, fsync, bytes);
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

    public boolean fsync() {
        return fsync;
    }

    public long journalLimit() {
        return journalLimit;
    }
}
