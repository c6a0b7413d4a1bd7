package io.dynamokit.engine.protocol;

import io.dynamokit.engine.model.DynamoException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Operations by name: {@code X-Amz-Target: DynamoDB_20120810.<name>} for DynamoDB's,
 * {@code DynamoDBStreams_20120810.<name>} for DynamoDB Streams' (served on the same endpoint). Each operation is made
 * by its factory the first time a request names it and kept from then on, so that an engine starts without loading
 * the operations it is never asked for.
 */
public final class Dispatcher {
    public static final String TARGET_PREFIX = "DynamoDB_20120810.";
    public static final String STREAMS_TARGET_PREFIX = "DynamoDBStreams_20120810.";

    private final Function<String, Operation> dynamoDbFactory;
    private final Function<String, Operation> streamsFactory;
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final Map<String, Operation> streamsOperations = new ConcurrentHashMap<>();

    /**
     * @param dynamoDbFactory the DynamoDB operation of a name, or null when there is none (nothing is kept then)
     * @param streamsFactory  the same for DynamoDB Streams' operations
     */
    public Dispatcher(Function<String, Operation> dynamoDbFactory, Function<String, Operation> streamsFactory) {
        this.dynamoDbFactory = dynamoDbFactory;
        this.streamsFactory = streamsFactory;
    }

    /** The operation a target header names; UnknownOperationException for any other target. */
    public Operation forTarget(String target) {
        Operation operation = null;
        if (target != null && target.startsWith(TARGET_PREFIX)) {
            operation = find(operations, dynamoDbFactory, target.substring(TARGET_PREFIX.length()));
        } else if (target != null && target.startsWith(STREAMS_TARGET_PREFIX)) {
            operation = find(streamsOperations, streamsFactory, target.substring(STREAMS_TARGET_PREFIX.length()));
        }
        if (operation == null) {
            throw DynamoException.unknownOperation();
        }
        return operation;
    }

    private static Operation find(Map<String, Operation> made, Function<String, Operation> factory, String name) {
        Operation operation = made.get(name);
        // computeIfAbsent keeps nothing for a null answer: an unknown name never grows the map
        return operation != null ? operation : made.computeIfAbsent(name, factory);
    }

    public static String operationName(String target) {
        return target.substring(target.indexOf('.') + 1);
    }
}
