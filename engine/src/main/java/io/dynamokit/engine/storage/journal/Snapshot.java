package io.dynamokit.engine.storage.journal;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.storage.Change;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import io.dynamokit.engine.storage.TableMetadata;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every table and item at one point of the journal: a table record (its metadata), then its items in records of
 * about a megabyte, and an end record with the counts, so that a snapshot cut short is never taken for a whole one.
 * Written to a temporary file, forced to disk and renamed into place, so a snapshot file is always complete.
 */
final class Snapshot {
    private static final int TABLE = 1;
    private static final int ITEMS = 2;
    private static final int END = 3;
    private static final int CHUNK_BYTES = 1024 * 1024;

    /** One table as it was when the snapshot was taken; its item list is a copy of references to immutable items. */
    record TableState(TableMetadata metadata, List<Map<String, AttributeValue>> items) {
    }

    private Snapshot() {
    }

    /**
     * The state to write, taken under the storage write lock: copying references is all that happens while writes
     * wait (and reads, which the write lock holds off too); the items themselves are immutable.
     */
    static List<TableState> capture(Storage storage) {
        List<TableState> tables = new ArrayList<>();
        for (String name : storage.tableNames()) {
            Table table = storage.find(name);
            if (table != null && table.goneAt() == null) {
                tables.add(new TableState(table.metadata(), new ArrayList<>(table.items().values())));
            }
        }
        return tables;
    }

    static void write(Path directory, long generation, List<TableState> tables) throws IOException {
        Path target = DataFiles.snapshot(directory, generation);
        Path temporary = directory.resolve(target.getFileName() + ".tmp");
        Encoder out = new Encoder(2 * CHUNK_BYTES);
        long items = 0;
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            long position = 0;
            DataFiles.putHeader(out, DataFiles.SNAPSHOT_MAGIC, generation);
            for (TableState table : tables) {
                int start = Frames.begin(out);
                out.putByte(TABLE);
                ChangeCodec.putMetadata(out, table.metadata());
                Frames.end(out, start);
                int index = 0;
                while (index < table.items().size()) {
                    start = Frames.begin(out);
                    out.putByte(ITEMS);
                    out.putString(table.metadata().name());
                    int countAt = out.size();
                    out.putInt(0);
                    int count = 0;
                    while (index < table.items().size() && out.size() - start < CHUNK_BYTES) {
                        out.putItem(table.items().get(index++));
                        count++;
                    }
                    out.setInt(countAt, count);
                    Frames.end(out, start);
                    items += count;
                    DataFiles.writeFully(channel, out.buffer(), position);
                    position += out.size();
                    out.reset();
                }
            }
            int start = Frames.begin(out);
            out.putByte(END);
            out.putLong(tables.size());
            out.putLong(items);
            Frames.end(out, start);
            DataFiles.writeFully(channel, out.buffer(), position);
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DataFiles.syncDirectory(directory);
    }

    /** Loads a snapshot into empty storage; {@link DataDirectoryException} naming the file when it cannot. */
    static long[] load(Path file, long generation, Storage storage) {
        long tables = 0;
        long items = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            String header = DataFiles.checkHeader(channel, DataFiles.SNAPSHOT_MAGIC, generation);
            if (header != null) {
                throw damaged(file, header.equals("torn") ? "it is shorter than its header" : header);
            }
            long size = channel.size();
            long position = DataFiles.HEADER_BYTES;
            while (true) {
                Frames.Read read = Frames.read(channel, position, size);
                if (read instanceof Frames.Torn torn) {
                    throw damaged(file, "it ends in the middle of a record (" + torn.why() + ")");
                } else if (read instanceof Frames.Damaged damaged) {
                    throw damaged(file, damaged.why() + " at byte " + position);
                } else if (read instanceof Frames.End) {
                    throw damaged(file, "it ends before its end record");
                }
                Frames.Record record = (Frames.Record) read;
                Decoder in = new Decoder(record.payload());
                try {
                    int kind = in.getByte();
                    if (kind == END) {
                        long expectedTables = in.getLong();
                        long expectedItems = in.getLong();
                        if (expectedTables != tables || expectedItems != items) {
                            throw damaged(file, "it holds " + tables + " tables and " + items + " items but its end "
                                    + "record counts " + expectedTables + " and " + expectedItems);
                        }
                        return new long[] {tables, items};
                    } else if (kind == TABLE) {
                        storage.replay(List.of(new Change.TableCreated(ChangeCodec.getMetadata(in))));
                        tables++;
                    } else if (kind == ITEMS) {
                        String table = in.getString();
                        if (storage.find(table) == null) {
                            throw new DamagedRecordException("items of table " + table + " before the table");
                        }
                        int count = in.getInt();
                        List<Change> puts = new ArrayList<>(count);
                        for (int i = 0; i < count; i++) {
                            puts.add(new Change.ItemPut(table, in.getItem()));
                        }
                        storage.replay(puts);
                        items += count;
                    } else {
                        throw new DamagedRecordException("unknown record type " + kind);
                    }
                } catch (DamagedRecordException | IllegalArgumentException e) {
                    throw damaged(file, "the record at byte " + position + " cannot be read (" + e.getMessage()
                            + ")");
                }
                position = record.next();
            }
        } catch (IOException e) {
            throw new DataDirectoryException("Cannot read the snapshot " + file + ": " + e + ". Check the file's "
                    + "permissions, or restore the data directory from a backup.", e);
        }
    }

    private static DataDirectoryException damaged(Path file, String why) {
        return new DataDirectoryException("The snapshot " + file + " is damaged: " + why + ". The tables cannot be "
                + "restored from it: restore the data directory from a backup, or move it away to start with an "
                + "empty one.", null);
    }
}
