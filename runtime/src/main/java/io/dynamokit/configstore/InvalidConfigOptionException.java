package io.dynamokit.configstore;

/**
 * A read or write was refused because of what the caller gave: an empty option name or one over DynamoDB's 1,024 bytes,
 * a value that cannot be marshalled (the message names it), a value keyed by one of the store's key or version
 * attributes, an {@code update} without values, or an item over DynamoDB's 400 KB. Nothing was written. The exception
 * mappers answer it with 400.
 */
public class InvalidConfigOptionException extends ConfigStoreException {

    private static final long serialVersionUID = 1L;

    private final String option;

    public InvalidConfigOptionException(String store, String option, String message) {
        super(store, message);
        this.option = option;
    }

    public InvalidConfigOptionException(String store, String option, String message, Throwable cause) {
        super(store, message, cause);
        this.option = option;
    }

    /** The option name as given (possibly empty, null or too long to be stored). */
    public String option() {
        return option;
    }
}
