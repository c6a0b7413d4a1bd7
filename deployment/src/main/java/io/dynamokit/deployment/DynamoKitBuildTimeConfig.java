package io.dynamokit.deployment;

import java.nio.file.Path;
import java.util.OptionalInt;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * DynamoKit build time configuration.
 */
@ConfigMapping(prefix = "quarkus.dynamokit")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface DynamoKitBuildTimeConfig {

    /**
     * The embedded DynamoDB (Dev Services for DynamoKit).
     */
    DevServicesConfig devservices();

    /**
     * Whether a readiness health check reports the status of the declared tables, when the application has Quarkus
     * SmallRye Health.
     */
    @WithName("health.enabled")
    @WithDefault("true")
    boolean healthEnabled();

    /**
     * The embedded DynamoDB: DynamoKit Engine, started inside the dev or test JVM, without Docker.
     */
    @ConfigGroup
    interface DevServicesConfig {

        /**
         * Whether DynamoKit starts an embedded DynamoDB (DynamoKit Engine, in-process) in dev and test mode. It starts
         * only when `quarkus.dynamodb.endpoint-override` is not set, and then points the DynamoDB clients at it with a
         * region and static test credentials (unless those are configured). One instance serves all the tests of a
         * run and is kept across live reloads.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * The loopback port the embedded DynamoDB listens on. Not set: a free port is picked at every start.
         */
        OptionalInt port();

        /**
         * In dev mode, keep the data in memory only, so that it is lost when dev mode stops. By default dev mode keeps
         * it under `quarkus.dynamokit.devservices.data-directory`, across live reloads and restarts. Tests always run
         * in memory.
         */
        @WithDefault("false")
        boolean inMemory();

        /**
         * The directory where dev mode keeps the embedded DynamoDB's data: every acknowledged write survives a restart
         * of dev mode. Relative paths are resolved against the directory dev mode runs in, the project directory.
         */
        @WithDefault("target/dynamokit-data")
        Path dataDirectory();
    }
}
