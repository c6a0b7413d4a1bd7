package io.dynamokit.configstore;

/**
 * With optimistic locking, a write found the option at another version than the one it was based on: someone else
 * wrote it first, and nothing was written. Read the option again and retry. The exception mappers answer it with 409.
 */
public class ConfigStoreConflictException extends ConfigStoreException {

    private static final long serialVersionUID = 1L;

    private final String option;
    private final long expectedVersion;

    public ConfigStoreConflictException(String store, String option, long expectedVersion, Throwable cause) {
        super(store, "Option '" + option + "' of config store '" + store + "' was changed by another writer (expected "
                + (expectedVersion == 0 ? "no version yet" : "version " + expectedVersion)
                + "); nothing was written: read the option again and retry", cause);
        this.option = option;
        this.expectedVersion = expectedVersion;
    }

    public String option() {
        return option;
    }

    /** The version the write expected to find (0: an option without version, or none). */
    public long expectedVersion() {
        return expectedVersion;
    }
}
