package io.dynamokit.engine.operations;

import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import java.util.List;
import java.util.Map;

/** DescribeEndpoints: the regional endpoint, cached for 1440 minutes, as DynamoDB answers. */
final class DescribeEndpoints implements Operation {
    @Override
    public Map<String, Object> handle(Request request) {
        return Map.of("Endpoints", List.of(Map.of(
                "Address", "dynamodb." + request.region() + ".amazonaws.com",
                "CachePeriodInMinutes", 1440)));
    }
}
