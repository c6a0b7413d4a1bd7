package io.dynamokit.runtime.document;

import java.time.Duration;

import io.dynamokit.runtime.config.DocumentConfig;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * How a document client's batch calls retry unprocessed items and keys and how many of their requests run at once,
 * and what its requests ask DynamoDB to report about consumed capacity ({@code null}: nothing).
 */
public record DocumentSettings(int maxRetries, BackoffStrategy backoff, int concurrency,
        ReturnConsumedCapacity returnConsumedCapacity) {

    public static DocumentSettings of(DocumentConfig config) {
        return new DocumentSettings(config.batchMaxRetries(),
                backoff(config.batchBaseBackoff(), config.batchMaxBackoff()), config.batchConcurrency(),
                switch (config.returnConsumedCapacity()) {
                    case NONE -> null;
                    case TOTAL -> ReturnConsumedCapacity.TOTAL;
                    case INDEXES -> ReturnConsumedCapacity.INDEXES;
                });
    }

    static BackoffStrategy backoff(Duration base, Duration max) {
        return base.isZero() ? BackoffStrategy.retryImmediately() : BackoffStrategy.exponentialDelay(base, max);
    }
}
