package io.dynamokit.runtime.document;

import java.time.Duration;

import io.dynamokit.runtime.config.DocumentConfig;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * How batch calls retry unprocessed items and keys, and how many of their requests run at once.
 */
public record BatchSettings(int maxRetries, BackoffStrategy backoff, int concurrency) {

    public static BatchSettings of(DocumentConfig config) {
        return new BatchSettings(config.batchMaxRetries(), backoff(config.batchBaseBackoff(), config.batchMaxBackoff()),
                config.batchConcurrency());
    }

    static BackoffStrategy backoff(Duration base, Duration max) {
        return base.isZero() ? BackoffStrategy.retryImmediately() : BackoffStrategy.exponentialDelay(base, max);
    }
}
