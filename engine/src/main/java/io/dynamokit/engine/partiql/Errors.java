package io.dynamokit.engine.partiql;

import io.dynamokit.engine.model.DynamoException;

/** PartiQL's refusals in DynamoDB's words. */
public final class Errors {
    static final String NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";
    static final String KEY_EQUALITY = "Where clause does not contain a mandatory equality on all key attributes";

    private Errors() {
    }

    static DynamoException malformed(String detail) {
        return DynamoException.validation(NOT_WELL_FORMED + detail);
    }

    static DynamoException unsupported(String message) {
        return DynamoException.validation(message);
    }

    /** INSERT of a key that holds an item. */
    public static DynamoException duplicateItem() {
        return new DynamoException("com.amazonaws.dynamodb.v20120810#DuplicateItemException",
                "Duplicate primary key exists in table", 400);
    }
}
