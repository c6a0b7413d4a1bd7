package io.dynamokit.runtime.config;

import java.time.Duration;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * Retry settings, mapped onto the AWS SDK's standard retry strategy.
 */
@ConfigGroup
public interface RetryConfig {

    /**
     * How many times a failed call is retried (so a call makes at most this plus one attempts). `0` turns retries
     * off. Only failures the SDK deems retryable are retried: throttling, 5xx answers, timeouts and I/O errors.
     */
    @WithDefault("3")
    int maxRetries();

    /**
     * Base delay of the exponential backoff (with full jitter) before retrying a failure that is not throttling.
     * Retry `n` waits a random time between zero and `base-backoff * 2^(n-1)`, capped by `max-backoff`.
     */
    @WithDefault("25MS")
    Duration baseBackoff();

    /**
     * Base delay of the exponential backoff (with full jitter) before retrying a throttled call
     * (`ProvisionedThroughputExceededException`, `ThrottlingException`, `RequestLimitExceeded`, ...).
     */
    @WithDefault("500MS")
    Duration throttlingBaseBackoff();

    /**
     * The longest delay between two attempts.
     */
    @WithDefault("20S")
    Duration maxBackoff();
}
