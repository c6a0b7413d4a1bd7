package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.storage.KeySchema;
import java.util.Map;

/**
 * The key check that batches and transactions make of every request before any other: an empty string or binary
 * as a key attribute's value is refused for the whole request, even where a mistyped or missing key is only one
 * action's cancellation reason.
 */
final class BatchKeys {
    private BatchKeys() {
    }

    static void checkNotEmpty(KeySchema schema, Map<String, AttributeValue> itemOrKey) {
        checkNotEmpty(schema.hashName(), itemOrKey.get(schema.hashName()));
        if (schema.hasRange()) {
            checkNotEmpty(schema.rangeName(), itemOrKey.get(schema.rangeName()));
        }
    }

    private static void checkNotEmpty(String name, AttributeValue value) {
        boolean emptyString = value instanceof AttributeValue.S s && s.value().isEmpty();
        boolean emptyBinary = value instanceof AttributeValue.B b && b.bytes().length == 0;
        if (emptyString || emptyBinary) {
            throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a "
                    + "key attribute cannot contain an empty " + (emptyString ? "string" : "binary") + " value. Key: "
                    + name);
        }
    }
}
