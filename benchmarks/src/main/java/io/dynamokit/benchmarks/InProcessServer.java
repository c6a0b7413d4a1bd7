package io.dynamokit.benchmarks;

import java.net.URI;

import io.dynamokit.engine.DynamoEngine;
import io.dynamokit.engine.EngineOptions;

/**
 * The server that {@link EngineThroughputBenchmark} and {@link EngineRoundTripBenchmark} call in their own JVM, named
 * by their {@code target} parameter: {@code engine}, DynamoKit Engine in memory, or {@code limit},
 * {@link ProtocolLimitServer}. Both benchmarks start it alike so that their figures of a target can be set side by
 * side.
 */
final class InProcessServer implements AutoCloseable {

    private final DynamoEngine engine;
    private final ProtocolLimitServer limit;

    private InProcessServer(DynamoEngine engine, ProtocolLimitServer limit) {
        this.engine = engine;
        this.limit = limit;
    }

    /**
     * Starts the target on a free loopback port.
     *
     * @param target {@code engine} or {@code limit}
     * @param limitGetItemAnswer the body the limit answers every {@code GetItem} with (the engine does not use it)
     * @throws IllegalArgumentException for any other target
     */
    static InProcessServer start(String target, String limitGetItemAnswer) {
        return switch (target) {
            case "engine" -> new InProcessServer(DynamoEngine.start(EngineOptions.defaults()), null);
            case "limit" -> new InProcessServer(null, ProtocolLimitServer.start(limitGetItemAnswer));
            default -> throw new IllegalArgumentException("unknown target " + target);
        };
    }

    URI endpoint() {
        return engine != null ? engine.endpoint() : limit.endpoint();
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
        if (limit != null) {
            limit.close();
        }
    }
}
