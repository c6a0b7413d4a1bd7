package io.dynamokit.table;

/**
 * A declared table could not be brought to, or was not found in, its declared state: {@code validate} found
 * differences, a change would need the table to be recreated, or an operation was refused. The message lists every
 * difference and says what to change.
 */
public class TableManagementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TableManagementException(String message) {
        super(message);
    }

    public TableManagementException(String message, Throwable cause) {
        super(message, cause);
    }
}
