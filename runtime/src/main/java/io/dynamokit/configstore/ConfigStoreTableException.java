package io.dynamokit.configstore;

/**
 * The store's table cannot be used: its keys are not the store's ({@link Problem#MISCONFIGURED_SCHEMA}), it is missing
 * and was not created ({@link Problem#NOT_CREATED}), or it is not ACTIVE, or no longer there, or a {@code cached} or
 * {@code periodic} store has not loaded it yet ({@link Problem#NOT_READY}). At start-up this fails the application; on
 * a write, nothing was written.
 */
public class ConfigStoreTableException extends ConfigStoreException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the table. */
    public enum Problem {
        MISCONFIGURED_SCHEMA,
        NOT_CREATED,
        NOT_READY
    }

    private final String tableName;
    private final Problem problem;

    public ConfigStoreTableException(String store, String tableName, Problem problem, String message, Throwable cause) {
        super(store, message, cause);
        this.tableName = tableName;
        this.problem = problem;
    }

    public String tableName() {
        return tableName;
    }

    public Problem problem() {
        return problem;
    }
}
