package io.dynamokit.table;

/**
 * Where a declared table stands in DynamoDB.
 */
public enum TableStatus {

    /** The table does not exist. */
    MISSING,

    /**
     * The table exists but is not ready for use with all its indexes: it is being created, updated or deleted, or one
     * of its global secondary indexes is not ACTIVE yet (being created, backfilled, updated or deleted). Also the
     * status of a table DynamoDB reports as archiving, archived or inaccessible (its encryption key is unavailable).
     */
    PENDING,

    /** The table is ACTIVE, and so is every one of its global secondary indexes. */
    RUNNING
}
