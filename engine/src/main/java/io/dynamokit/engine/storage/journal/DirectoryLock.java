package io.dynamokit.engine.storage.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock that keeps a second engine (in this process or another) from opening a data directory that one already
 * uses: an OS lock on {@code engine.lock}, which the OS drops when the process ends, even by {@code kill -9}. The file
 * stays; its content (the holder's process id) only serves the error message.
 */
final class DirectoryLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path directory) {
        Path file = directory.resolve(DataFiles.LOCK);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DataDirectoryException("Cannot open the lock file " + file + " of the data directory "
                    + directory + ": " + e + ". Check that the directory is writable by this user.", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            close(channel);
            throw new DataDirectoryException("Cannot lock " + file + " of the data directory " + directory + ": "
                    + e, e);
        }
        if (lock == null) {
            String holder = holder(file);
            close(channel);
            throw new DataDirectoryException("The data directory " + directory + " is already in use by another "
                    + "DynamoKit Engine" + holder + ", which holds the lock on " + file + ". Stop that engine first, "
                    + "or give this one another data directory.", null);
        }
        try {
            byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
        } catch (IOException e) {
            // the process id only improves another engine's error message
        }
        return new DirectoryLock(channel, lock);
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!pid.isEmpty() && pid.chars().allMatch(Character::isDigit)) {
                return pid.equals(Long.toString(ProcessHandle.current().pid()))
                        ? " in this process" : " (process " + pid + ")";
            }
        } catch (IOException e) {
            // some platforms refuse to read a locked file; the message does without the process id
        }
        return "";
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        close(channel);
    }
}
