package io.dynamokit.engine.protocol;

import java.util.Map;

/** One DynamoDB operation: validates its request and returns its answer as a tree {@link Json} writes. */
@FunctionalInterface
public interface Operation {
    Map<String, Object> handle(Request request);
}
