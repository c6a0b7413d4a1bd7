package io.dynamokit.configstore;

/**
 * A config store failure; its subclasses say which. DynamoDB's own failures (throttling, connectivity) reach the caller
 * as the SDK's exceptions.
 */
public class ConfigStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String store;

    public ConfigStoreException(String store, String message) {
        super(message);
        this.store = store;
    }

    public ConfigStoreException(String store, String message, Throwable cause) {
        super(message, cause);
        this.store = store;
    }

    /** The configured name of the store ({@code <default>} for the unnamed store). */
    public String store() {
        return store;
    }
}
