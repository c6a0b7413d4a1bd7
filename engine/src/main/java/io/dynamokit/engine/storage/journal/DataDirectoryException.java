package io.dynamokit.engine.storage.journal;

/**
 * A data directory that cannot be opened: in use, unreadable or damaged. The message names the file and what to do.
 */
public final class DataDirectoryException extends IllegalStateException {
    DataDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
