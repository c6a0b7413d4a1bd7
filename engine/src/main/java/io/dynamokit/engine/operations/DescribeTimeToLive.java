package io.dynamokit.engine.operations;

import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import java.util.Map;

/** DescribeTimeToLive: DISABLED, or ENABLED with the attribute (a change takes effect at once, never ENABLING). */
final class DescribeTimeToLive implements Operation {
    private final Storage storage;

    DescribeTimeToLive(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String name = TimeToLiveSpecs.tableName(request);
        return storage.read(() -> Map.of("TimeToLiveDescription", TimeToLiveSpecs.description(
                TimeToLiveSpecs.existing(storage, name).metadata().timeToLiveAttribute())));
    }
}
