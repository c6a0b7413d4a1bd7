package io.dynamokit.document;

/**
 * DynamoDB still left writes unprocessed after every retry. Carries exactly those writes: everything else was
 * written.
 */
public class BatchWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient BatchWrite unprocessed;

    public BatchWriteException(String message, BatchWrite unprocessed) {
        super(message);
        this.unprocessed = unprocessed;
    }

    /** The writes DynamoDB did not process. */
    public BatchWrite unprocessed() {
        return unprocessed;
    }
}
