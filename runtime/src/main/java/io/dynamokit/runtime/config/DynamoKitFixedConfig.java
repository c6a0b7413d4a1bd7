package io.dynamokit.runtime.config;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * DynamoKit configuration fixed at build time and visible at run time.
 */
@ConfigMapping(prefix = "quarkus.dynamokit")
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface DynamoKitFixedConfig {

    /**
     * The exception mappers that turn DynamoDB failures into HTTP problem responses (with Quarkus REST only).
     */
    ExceptionMappers exceptionMappers();

    /**
     * Which failures the exception mappers handle. A user's own `ExceptionMapper` for the same exception type always
     * wins over DynamoKit's. A failure whose kind is switched off is left alone, as if DynamoKit had no mapper for it:
     * the application's mapper for the nearest supertype answers it, else Quarkus' default error handling (500).
     */
    @ConfigGroup
    interface ExceptionMappers {

        /**
         * Whether DynamoKit registers its exception mappers at all.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * 409 for a failed condition (`ConditionalCheckFailedException`, a `TransactionCanceledException` caused by
         * a condition), for `TransactionConflictException` and for the config stores' `ConfigStoreConflictException`.
         */
        @WithDefault("true")
        boolean conflict();

        /**
         * 429 with `Retry-After` for throttling (`ProvisionedThroughputExceededException`,
         * `RequestLimitExceededException`, `ThrottlingException` and the other throttling error codes).
         */
        @WithDefault("true")
        boolean throttling();

        /**
         * 503 with `Retry-After` when DynamoDB is unavailable: `InternalServerErrorException`, HTTP 503, call and
         * attempt timeouts, connection failures.
         */
        @WithDefault("true")
        boolean unavailable();

        /**
         * 500, or `quarkus.dynamokit.exception-mappers.no-credentials-status`, when no AWS credentials can be loaded.
         */
        @WithDefault("true")
        boolean credentials();

        /**
         * 404 for the document client's `ItemNotFoundException` and the config stores' `OptionNotFoundException`.
         */
        @WithDefault("true")
        boolean notFound();

        /**
         * 400 for the config stores' `InvalidConfigOptionException`: an empty or over-long option name, a value that
         * cannot be marshalled, a value keyed by a key attribute, an item over 400 KB. Nothing was written.
         */
        @WithDefault("true")
        boolean invalidInput();

        /**
         * 400 for a request body Quarkus REST cannot read (malformed JSON; with Quarkus REST Jackson, JSON of the wrong
         * shape, naming the field and the type expected) and 415 for a content type the endpoint does not accept
         * (naming those it accepts), as problems like DynamoKit's others. Registered below an application's own
         * mappers for these exceptions (`Priorities.USER + 50`) and above Quarkus' built-in one.
         */
        @WithDefault("true")
        boolean requestBody();

        /**
         * 500 for any other DynamoDB or AWS SDK failure (`ResourceNotFoundException`, `ValidationException`, ...).
         */
        @WithDefault("true")
        boolean other();
    }
}
