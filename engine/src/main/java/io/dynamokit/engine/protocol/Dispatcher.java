package io.dynamokit.engine.protocol;

import io.dynamokit.engine.model.DynamoException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Operations by name: {@code X-Amz-Target: DynamoDB_20120810.<name>} for DynamoDB's,
 * {@code DynamoDBStreams_20120810.<name>} for DynamoDB Streams' (served on the same endpoint).
 */
public final class Dispatcher {
    public static final String TARGET_PREFIX = "DynamoDB_20120810.";
    public static final String STREAMS_TARGET_PREFIX = "DynamoDBStreams_20120810.";

    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final Map<String, Operation> streamsOperations = new ConcurrentHashMap<>();

    public Dispatcher register(String name, Operation operation) {
        return register(operations, name, operation);
    }

    /** Registers a DynamoDB Streams operation. */
    public Dispatcher registerStreams(String name, Operation operation) {
        return register(streamsOperations, name, operation);
    }

    private Dispatcher register(Map<String, Operation> map, String name, Operation operation) {
        if (map.putIfAbsent(name, operation) != null) {
            throw new IllegalStateException("operation registered twice: " + name);
        }
        return this;
    }

    /** The operation a target header names; UnknownOperationException for any other target. */
    public Operation forTarget(String target) {
        Operation operation = null;
        if (target != null && target.startsWith(TARGET_PREFIX)) {
            operation = operations.get(target.substring(TARGET_PREFIX.length()));
        } else if (target != null && target.startsWith(STREAMS_TARGET_PREFIX)) {
            operation = streamsOperations.get(target.substring(STREAMS_TARGET_PREFIX.length()));
        }
        if (operation == null) {
            throw DynamoException.unknownOperation();
        }
        return operation;
    }

    public static String operationName(String target) {
        return target.substring(target.indexOf('.') + 1);
    }
}
