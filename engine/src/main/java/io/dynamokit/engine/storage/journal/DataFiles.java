package io.dynamokit.engine.storage.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a data directory: {@code journal-<generation>.log} (the changes committed since snapshot
 * {@code <generation>}, or since the start for generation 1), {@code snapshot-<generation>.snap} (every table and
 * item before journal {@code <generation>}), {@code *.tmp} (a snapshot being written) and {@code engine.lock}.
 * Journals and snapshots start with a 16-byte header: magic, format version, generation.
 */
final class DataFiles {
    static final int FORMAT = 1;
    static final int HEADER_BYTES = 16;
    static final int JOURNAL_MAGIC = 0x444B4A4C;
    static final int SNAPSHOT_MAGIC = 0x444B534E;
    static final String LOCK = "engine.lock";

    private static final Pattern JOURNAL = Pattern.compile("journal-(\\d{16})\\.log");
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{16})\\.snap");

    private DataFiles() {
    }

    static Path journal(Path directory, long generation) {
        return directory.resolve(String.format("journal-%016d.log", generation));
    }

    static Path snapshot(Path directory, long generation) {
        return directory.resolve(String.format("snapshot-%016d.snap", generation));
    }

    static TreeMap<Long, Path> journals(Path directory) throws IOException {
        return list(directory, JOURNAL);
    }

    static TreeMap<Long, Path> snapshots(Path directory) throws IOException {
        return list(directory, SNAPSHOT);
    }

    static List<Path> temporaryFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    private static TreeMap<Long, Path> list(Path directory, Pattern pattern) throws IOException {
        TreeMap<Long, Path> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> {
                Matcher matcher = pattern.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    found.put(Long.parseLong(matcher.group(1)), file);
                }
            });
        }
        return found;
    }

    static void putHeader(Encoder out, int magic, long generation) {
        out.putInt(magic);
        out.putInt(FORMAT);
        out.putLong(generation);
    }

    /**
     * Checks a file's header; null when it is complete and right, else what is wrong with it. A file shorter than
     * a header is reported as {@code "torn"} (created, then the process stopped).
     */
    static String checkHeader(FileChannel channel, int magic, long generation) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
            // read until full or end of file
        }
        if (header.hasRemaining()) {
            return "torn";
        }
        header.flip();
        if (header.getInt() != magic) {
            return "it does not start like a DynamoKit Engine " + (magic == JOURNAL_MAGIC ? "journal" : "snapshot");
        }
        int format = header.getInt();
        if (format != FORMAT) {
            return "it has format version " + format + ", this engine reads version " + FORMAT
                    + " (was it written by another version of DynamoKit Engine?)";
        }
        long written = header.getLong();
        if (written != generation) {
            return "its header says generation " + written + " but its name says " + generation;
        }
        return null;
    }

    /** Makes a created, renamed or deleted file's directory entry durable; not every platform can. */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory; its file system orders metadata on its own
        }
    }

    static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }
}
