package io.dynamokit.engine.storage.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/**
 * Records in a file: {@code [payload length: int][CRC32 of the payload: int][payload]}. A record is written with one
 * write call at the end of the file, so a process killed while writing leaves at most a prefix of the last record:
 * {@link #read} tells such a torn tail (the record reaches past the end of the file) from damage (a complete record
 * whose checksum is wrong, followed by more data).
 */
final class Frames {
    static final int HEADER = 8;
    /** Larger than any record the engine writes (a 100-action transaction of 400 KB items is 40 MB). */
    static final int MAX_PAYLOAD = 256 * 1024 * 1024;

    private Frames() {
    }

    /** Reserves a record header; the payload follows; {@link #end} fills the header in. */
    static int begin(Encoder out) {
        int start = out.size();
        out.putInt(0);
        out.putInt(0);
        return start;
    }

    static void end(Encoder out, int start) {
        int length = out.size() - start - HEADER;
        CRC32 crc = new CRC32();
        crc.update(out.array(), start + HEADER, length);
        out.setInt(start, length);
        out.setInt(start + 4, (int) crc.getValue());
    }

    /** What {@link #read} found at a position. */
    sealed interface Read {
    }

    /** A whole record; the next one starts at {@code next}. */
    record Record(ByteBuffer payload, long next) implements Read {
    }

    /** The clean end of the file. */
    record End() implements Read {
    }

    /** A prefix of a record at the end of the file: a write cut short. */
    record Torn(String why) implements Read {
    }

    /** A record that cannot be read, with more data after it. */
    record Damaged(String why) implements Read {
    }

    static Read read(FileChannel channel, long position, long fileSize) throws IOException {
        long left = fileSize - position;
        if (left == 0) {
            return new End();
        }
        if (left < HEADER) {
            return new Torn("a record header of " + left + " of " + HEADER + " bytes");
        }
        ByteBuffer header = readFully(channel, position, HEADER);
        int length = header.getInt();
        int crc = header.getInt();
        if (length < 0 || length > MAX_PAYLOAD) {
            return zerosFrom(channel, position, fileSize)
                    ? new Torn("zeros instead of a record")
                    : new Damaged("a record length of " + Integer.toUnsignedLong(length) + " bytes");
        }
        if (length > left - HEADER) {
            return new Torn("a record of " + length + " bytes with " + (left - HEADER) + " of them written");
        }
        ByteBuffer payload = readFully(channel, position + HEADER, length);
        CRC32 actual = new CRC32();
        actual.update(payload.array(), 0, length);
        if ((int) actual.getValue() != crc) {
            long next = position + HEADER + length;
            return next == fileSize || zerosFrom(channel, position, fileSize)
                    ? new Torn("the last record's checksum does not match")
                    : new Damaged("a record's checksum does not match");
        }
        return new Record(payload, position + HEADER + length);
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new IOException("the file ended while reading it");
            }
        }
        buffer.flip();
        return buffer;
    }

    /** Whether everything from a position on is zero bytes (space a crash left allocated but unwritten). */
    private static boolean zerosFrom(FileChannel channel, long position, long fileSize) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long at = position;
        while (at < fileSize) {
            buffer.clear();
            int read = channel.read(buffer, at);
            if (read <= 0) {
                return true;
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) != 0) {
                    return false;
                }
            }
            at += read;
        }
        return true;
    }
}
