package io.dynamokit.engine.operations;

import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import java.util.LinkedHashMap;
import java.util.Map;

/** DescribeLimits: DynamoDB's default account and table quotas for provisioned capacity. */
final class DescribeLimits implements Operation {
    @Override
    public Map<String, Object> handle(Request request) {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("AccountMaxReadCapacityUnits", 80000);
        limits.put("AccountMaxWriteCapacityUnits", 80000);
        limits.put("TableMaxReadCapacityUnits", 40000);
        limits.put("TableMaxWriteCapacityUnits", 40000);
        return limits;
    }
}
