package io.dynamokit.engine.protocol;

import io.dynamokit.engine.model.DynamoException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Operations by name ({@code X-Amz-Target: DynamoDB_20120810.<name>}). */
public final class Dispatcher {
    public static final String TARGET_PREFIX = "DynamoDB_20120810.";

    private final Map<String, Operation> operations = new ConcurrentHashMap<>();

    public Dispatcher register(String name, Operation operation) {
        if (operations.putIfAbsent(name, operation) != null) {
            throw new IllegalStateException("operation registered twice: " + name);
        }
        return this;
    }

    /** The operation a target header names; UnknownOperationException for any other target. */
    public Operation forTarget(String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw DynamoException.unknownOperation();
        }
        Operation operation = operations.get(target.substring(TARGET_PREFIX.length()));
        if (operation == null) {
            throw DynamoException.unknownOperation();
        }
        return operation;
    }

    public static String operationName(String target) {
        return target.substring(TARGET_PREFIX.length());
    }
}
