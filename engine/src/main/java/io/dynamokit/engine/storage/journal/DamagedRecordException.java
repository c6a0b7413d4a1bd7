package io.dynamokit.engine.storage.journal;

/** A record whose checksum matched but whose content cannot be read (a bug, or a file from a newer engine). */
final class DamagedRecordException extends IllegalStateException {
    DamagedRecordException(String message) {
        super(message);
    }
}
