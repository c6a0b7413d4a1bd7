package io.dynamokit.engine.storage.journal;

import io.dynamokit.engine.storage.Change;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Brings a data directory back into empty storage: the latest snapshot, then the journals from its generation on,
 * each record (one committed write) applied whole or not at all. A record cut short at the end of the last journal
 * (the process stopped while writing it: that write was never acknowledged) is cut off the file; anything else
 * unreadable stops the start with a {@link DataDirectoryException} naming the file and what to do.
 */
final class Recovery {
    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());

    /** Where appending continues: the last journal's generation and the end of its last whole record (0: new file). */
    record Result(long generation, long end, long snapshot, long tables, long items, long records) {
    }

    private Recovery() {
    }

    static Result run(Path directory, Storage storage) {
        try {
            for (Path temporary : DataFiles.temporaryFiles(directory)) {
                Files.deleteIfExists(temporary);
            }
            TreeMap<Long, Path> snapshots = DataFiles.snapshots(directory);
            TreeMap<Long, Path> journals = DataFiles.journals(directory);
            long base = snapshots.isEmpty() ? 0 : snapshots.lastKey();
            long[] counts = base == 0 ? new long[2] : Snapshot.load(snapshots.get(base), base, storage);
            // left by a compaction that stopped between writing its snapshot and removing what it replaced
            for (Path old : snapshots.headMap(base).values()) {
                Files.deleteIfExists(old);
            }
            for (Path old : journals.headMap(base).values()) {
                Files.deleteIfExists(old);
            }
            long expected = base == 0 ? 1 : base;
            long end = 0;
            long records = 0;
            Map<Long, Path> remaining = journals.tailMap(base, true);
            for (Map.Entry<Long, Path> journal : remaining.entrySet()) {
                if (journal.getKey() != expected) {
                    Path missing = DataFiles.journal(directory, expected);
                    throw new DataDirectoryException("The data directory " + directory + " lacks " + missing
                            + ", which comes before " + journal.getValue() + ": the changes in it are lost. Restore "
                            + "the directory from a backup, or move it away to start with an empty one.", null);
                }
                boolean last = journal.getKey().equals(journals.lastKey());
                long[] replayed = replay(journal.getValue(), journal.getKey(), last, storage);
                records += replayed[0];
                end = replayed[1];
                expected++;
            }
            long generation = remaining.isEmpty() ? expected : expected - 1;
            return new Result(generation, end, base, counts[0], counts[1], records);
        } catch (IOException e) {
            throw new DataDirectoryException("Cannot read the data directory " + directory + ": " + e
                    + ". Check that it and its files are readable and writable by this user.", e);
        }
    }

    /** Applies a journal's records; returns their count and the end of the last whole one. */
    private static long[] replay(Path file, long generation, boolean last, Storage storage) throws IOException {
        try (FileChannel channel = last
                ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ)) {
            String header = DataFiles.checkHeader(channel, DataFiles.JOURNAL_MAGIC, generation);
            if ("torn".equals(header) && last) {
                LOG.warning("The journal " + file + " was created but its header not written; starting it anew");
                channel.truncate(0);
                return new long[] {0, 0};
            }
            if (header != null) {
                throw new DataDirectoryException("The journal " + file + " cannot be read: "
                        + (header.equals("torn") ? "it is shorter than its header" : header) + ". Restore the data "
                        + "directory from a backup, or move it away to start with an empty one.", null);
            }
            long size = channel.size();
            long position = DataFiles.HEADER_BYTES;
            long records = 0;
            while (true) {
                Frames.Read read = Frames.read(channel, position, size);
                if (read instanceof Frames.End) {
                    return new long[] {records, position};
                } else if (read instanceof Frames.Torn torn && last) {
                    LOG.warning("The journal " + file + " ends with a record cut short at byte " + position + " ("
                            + torn.why() + "): the engine stopped while writing it, before acknowledging it. "
                            + "Dropping it.");
                    channel.truncate(position);
                    channel.force(true);
                    return new long[] {records, position};
                } else if (read instanceof Frames.Torn torn) {
                    throw damaged(file, position, "it ends in the middle of a record (" + torn.why()
                            + ") although a later journal follows it");
                } else if (read instanceof Frames.Damaged damaged) {
                    throw damaged(file, position, damaged.why());
                }
                Frames.Record record = (Frames.Record) read;
                apply(file, position, record, storage);
                records++;
                position = record.next();
            }
        }
    }

    private static void apply(Path file, long position, Frames.Record record, Storage storage) {
        List<Change> changes;
        try {
            Decoder in = new Decoder(record.payload());
            int kind = in.getByte();
            if (kind != Journal.CHANGES) {
                throw new DamagedRecordException("unknown record type " + kind);
            }
            changes = ChangeCodec.getChanges(in);
            check(changes, storage);
        } catch (DamagedRecordException | IllegalArgumentException e) {
            throw damaged(file, position, "its record cannot be read (" + e.getMessage() + ")");
        }
        storage.replay(changes);
    }

    /** Checks a record against the tables before applying any of it, so that it is never half applied. */
    private static void check(List<Change> changes, Storage storage) {
        Set<String> created = new HashSet<>();
        for (Change change : changes) {
            if (change instanceof Change.TableCreated) {
                created.add(change.table());
            } else if (!(change instanceof Change.TableDeleted) && !created.contains(change.table())) {
                Table table = storage.find(change.table());
                if (table == null) {
                    throw new DamagedRecordException("it changes table " + change.table() + ", which does not exist");
                }
                if (change instanceof Change.ItemPut put && table.keySchema().keyOf(put.item()) == null) {
                    throw new DamagedRecordException("an item of table " + change.table() + " lacks its key");
                }
            }
        }
    }

    private static DataDirectoryException damaged(Path file, long position, String why) {
        return new DataDirectoryException("The journal " + file + " is damaged at byte " + position + ": " + why
                + ". The writes from there on cannot be recovered. To start with those before it, cut the file "
                + "there (truncate -s " + position + " " + file + ") and remove any later journal; or restore the "
                + "data directory from a backup.", null);
    }
}
