package io.dynamokit.engine.storage.journal;

import io.dynamokit.engine.storage.Change;
import io.dynamokit.engine.storage.CommitListener;
import io.dynamokit.engine.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Durability for a data directory: every committed write is appended to the journal as one record (a transaction
 * is one record, so it comes back whole or not at all) and handed to the OS before the answer is sent; with
 * {@code fsync} it is also forced to the disk. When the journal outgrows {@link Settings#compactionBytes}, the
 * tables are captured, a new journal is started, and a snapshot of the capture is written in the background; once
 * it is on disk the older journal and snapshot are removed.
 * <p>
 * {@link #open} locks the directory, recovers it into empty storage ({@link Recovery}) and registers the journal
 * as the storage's {@link CommitListener}; {@link #close} forces the journal and releases the directory.
 */
public final class Journal implements CommitListener, AutoCloseable {
    /** The type byte of a journal record: one committed write's changes. */
    static final int CHANGES = 1;
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());

    /**
     * @param fsync force each record to the disk before answering (survives a power loss, not just the process)
     * @param compactionBytes the journal size from which the next write starts a snapshot and a new journal
     */
    public record Settings(boolean fsync, long compactionBytes) {
        public static final long DEFAULT_COMPACTION_BYTES = 64L * 1024 * 1024;

        public Settings {
            if (compactionBytes <= 0) {
                throw new IllegalArgumentException("compactionBytes must be positive, was " + compactionBytes);
            }
        }
    }

    private final Path directory;
    private final Storage storage;
    private final Settings settings;
    private final DirectoryLock lock;
    private final Encoder encoder = new Encoder(64 * 1024);
    private final ExecutorService compactor;
    // the fields below change only under the storage write lock
    private FileChannel channel;
    private Path file;
    private long generation;
    private long size;
    private Future<?> compaction;
    private String broken;
    private boolean closed;

    private Journal(Path directory, Storage storage, Settings settings, DirectoryLock lock) {
        this.directory = directory;
        this.storage = storage;
        this.settings = settings;
        this.lock = lock;
        this.compactor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dynamokit-engine-snapshot");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Locks the directory (creating it if needed), loads what it holds into {@code storage} (which must be empty)
     * and journals every later write. {@link DataDirectoryException} when the directory is in use, unreadable or
     * damaged; its message names the file and what to do.
     */
    public static Journal open(Path directory, Storage storage, Settings settings) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new DataDirectoryException("Cannot create the data directory " + absolute + ": " + e
                    + (Files.exists(absolute) && !Files.isDirectory(absolute) ? " (it is a file, not a directory)"
                            : "") + ". Give the engine a directory it can create and write to.", e);
        }
        DirectoryLock lock = DirectoryLock.acquire(absolute);
        Journal journal = new Journal(absolute, storage, settings, lock);
        try {
            long started = System.nanoTime();
            Recovery.Result recovered = Recovery.run(absolute, storage);
            journal.continueAt(recovered.generation(), recovered.end());
            if (recovered.snapshot() > 0 || recovered.records() > 0) {
                String snapshot = recovered.snapshot() == 0 ? "no snapshot"
                        : "a snapshot of " + recovered.tables() + " tables and " + recovered.items() + " items";
                LOG.info(() -> "Recovered " + absolute + ": " + snapshot + ", then " + recovered.records()
                        + " journal records, in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
        } catch (RuntimeException e) {
            journal.compactor.shutdownNow();
            lock.close();
            throw e;
        }
        storage.addCommitListener(journal);
        return journal;
    }

    public Path directory() {
        return directory;
    }

    private void continueAt(long generation, long end) {
        try {
            if (end == 0) {
                this.channel = create(generation);
                this.size = DataFiles.HEADER_BYTES;
            } else {
                this.channel = FileChannel.open(DataFiles.journal(directory, generation), StandardOpenOption.WRITE);
                this.size = end;
            }
            this.generation = generation;
            this.file = DataFiles.journal(directory, generation);
        } catch (IOException e) {
            throw new DataDirectoryException("Cannot open the journal " + DataFiles.journal(directory, generation)
                    + " for writing: " + e + ". Check that the data directory is writable by this user.", e);
        }
    }

    /** A new journal with its header, forced to disk with its directory entry when fsync is on. */
    private FileChannel create(long generation) throws IOException {
        Path path = DataFiles.journal(directory, generation);
        FileChannel created = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            Encoder header = new Encoder(DataFiles.HEADER_BYTES);
            DataFiles.putHeader(header, DataFiles.JOURNAL_MAGIC, generation);
            DataFiles.writeFully(created, header.buffer(), 0);
            if (settings.fsync()) {
                created.force(true);
                DataFiles.syncDirectory(directory);
            }
            return created;
        } catch (IOException e) {
            created.close();
            throw e;
        }
    }

    /** Appends one committed write's changes; called under the storage write lock before they are applied. */
    @Override
    public void committing(List<Change> changes) {
        if (closed) {
            throw new IllegalStateException("The engine is closed; the write was not made");
        }
        if (broken != null) {
            throw new IllegalStateException(broken);
        }
        if (size >= settings.compactionBytes() && (compaction == null || compaction.isDone())) {
            compact();
        }
        encoder.reset();
        int start = Frames.begin(encoder);
        encoder.putByte(CHANGES);
        ChangeCodec.putChanges(encoder, changes);
        Frames.end(encoder, start);
        try {
            DataFiles.writeFully(channel, encoder.buffer(), size);
            if (settings.fsync()) {
                channel.force(false);
            }
            size += encoder.size();
        } catch (IOException e) {
            undo(e);
            throw new UncheckedIOException("Cannot write to the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Takes a failed write's partial record off the journal, or refuses later writes if that fails too. */
    private void undo(IOException cause) {
        try {
            channel.truncate(size);
        } catch (IOException e) {
            broken = "The journal " + file + " could not be written (" + cause.getMessage() + ") nor repaired ("
                    + e.getMessage() + "); writes are refused until the engine is restarted, which recovers "
                    + "every acknowledged write";
            LOG.severe(broken);
        }
    }

    private void compact() {
        List<Snapshot.TableState> state = Snapshot.capture(storage);
        long next = generation + 1;
        FileChannel nextChannel;
        try {
            nextChannel = create(next);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(DataFiles.journal(directory, next));
            } catch (IOException ignored) {
                // recovery starts a journal with a torn header anew
            }
            LOG.log(Level.WARNING, "Cannot start the journal " + DataFiles.journal(directory, next) + " (" + e
                    + "); the journal " + file + " keeps growing", e);
            return;
        }
        FileChannel previous = channel;
        channel = nextChannel;
        file = DataFiles.journal(directory, next);
        generation = next;
        size = DataFiles.HEADER_BYTES;
        closeQuietly(previous);
        compaction = compactor.submit(() -> writeSnapshot(next, state));
    }

    private void writeSnapshot(long snapshotGeneration, List<Snapshot.TableState> state) {
        try {
            Snapshot.write(directory, snapshotGeneration, state);
            for (Path old : DataFiles.journals(directory).headMap(snapshotGeneration).values()) {
                Files.deleteIfExists(old);
            }
            for (Path old : DataFiles.snapshots(directory).headMap(snapshotGeneration).values()) {
                Files.deleteIfExists(old);
            }
        } catch (IOException | RuntimeException e) {
            // the journals it would have replaced stay, so nothing is lost; the next compaction tries again
            LOG.log(Level.WARNING, "Cannot write the snapshot " + DataFiles.snapshot(directory, snapshotGeneration)
                    + " of " + directory + ": " + e, e);
        }
    }

    /** Stops journaling (later writes fail), forces the journal to disk and releases the directory. */
    @Override
    public void close() {
        storage.write(mutation -> {
            if (!closed) {
                closed = true;
                try {
                    channel.force(true);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Cannot force the journal " + file + " to disk", e);
                }
                closeQuietly(channel);
            }
            return null;
        });
        if (compactor.isShutdown()) {
            return;
        }
        compactor.shutdown();
        try {
            if (!compactor.awaitTermination(30, TimeUnit.SECONDS)) {
                // the journals it would replace are still there: abandoning it loses nothing
                compactor.shutdownNow();
            }
        } catch (InterruptedException e) {
            compactor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        lock.close();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a journal", e);
        }
    }
}
