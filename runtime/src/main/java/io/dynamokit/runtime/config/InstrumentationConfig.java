package io.dynamokit.runtime.config;

import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * Settings of {@code @DynamoInstrumented}.
 */
@ConfigGroup
public interface InstrumentationConfig {

    /**
     * Measure the DynamoDB requests of every HTTP request, as if every resource method were `@DynamoInstrumented`.
     */
    @WithDefault("false")
    boolean allRequests();

    /**
     * The HTTP request header that carries the correlation id. A request without it gets a generated one; either way
     * the id is echoed on the response in the same header and tags every measurement of the request.
     */
    @WithDefault("X-Correlation-ID")
    String correlationHeader();

    /**
     * The environment tag of measurements. Not set: the active profile (`prod`, `dev`, `test`, ...).
     */
    Optional<String> environment();

    /**
     * Whether HTTP responses carry a `Server-Timing` header with the DynamoDB time and call count of the request, so
     * that a browser's network panel shows them. DynamoKit turns it on in dev mode.
     */
    @WithDefault("false")
    boolean serverTiming();
}
