package io.dynamokit.table;

/**
 * What DynamoKit does at start-up with the tables declared under {@code quarkus.dynamokit.tables}
 * ({@code quarkus.dynamokit.schema-management}).
 */
public enum SchemaManagement {

    /** Nothing: the declared tables are neither checked nor changed. */
    NONE,

    /**
     * Compare every declared table with DynamoDB and fail start-up with every difference of every table, changing
     * nothing.
     */
    VALIDATE,

    /**
     * Create the declared tables that are missing and wait until they and their indexes are ACTIVE. Existing tables
     * are not changed; start-up fails if their keys differ from the declaration, and other differences are logged.
     */
    CREATE,

    /**
     * {@code create}, then bring existing tables to their declaration where DynamoDB can change them in place:
     * billing mode and throughput, global secondary indexes (added and removed one at a time), stream, time to live,
     * tags, deletion protection and table class. Never deletes a table; start-up fails, before any change, when a
     * table would have to be recreated (other keys, other local secondary indexes).
     */
    UPDATE,

    /**
     * Delete the declared tables, with their data, and create them again. Refused in production unless
     * {@code quarkus.dynamokit.allow-drop-and-create-in-prod} is {@code true}.
     */
    DROP_AND_CREATE
}
