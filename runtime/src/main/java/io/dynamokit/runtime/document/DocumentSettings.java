package io.dynamokit.runtime.document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.dynamokit.runtime.config.DocumentConfig;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * How a document client's batch calls retry unprocessed items and keys and how many of their requests run at once,
 * and what its requests ask DynamoDB to report about consumed capacity ({@code null}: nothing).
 */
public record DocumentSettings(int maxRetries, BackoffStrategy backoff, int concurrency,
        ReturnConsumedCapacity returnConsumedCapacity) {

    /** The prefix of the document client's properties. */
    public static final String PREFIX = "quarkus.dynamokit.document.";

    public static DocumentSettings of(DocumentConfig config) {
        return new DocumentSettings(config.batchMaxRetries(),
                backoff(config.batchBaseBackoff(), config.batchMaxBackoff()), config.batchConcurrency(),
                switch (config.returnConsumedCapacity()) {
                    case NONE -> null;
                    case TOTAL -> ReturnConsumedCapacity.TOTAL;
                    case INDEXES -> ReturnConsumedCapacity.INDEXES;
                });
    }

    /**
     * Every invalid document client setting, each with its property name and the values it accepts; empty when they
     * are valid.
     */
    public static List<String> problems(DocumentConfig document) {
        List<String> errors = new ArrayList<>();
        if (document.batchMaxRetries() < 0) {
            errors.add(PREFIX + "batch-max-retries is " + document.batchMaxRetries() + ": use 0 or more");
        }
        if (document.batchConcurrency() < 1) {
            errors.add(PREFIX + "batch-concurrency is " + document.batchConcurrency() + ": use 1 or more");
        }
        if (document.batchBaseBackoff().isNegative()) {
            errors.add(PREFIX + "batch-base-backoff is " + document.batchBaseBackoff()
                    + ": use a duration of zero or more, such as 50MS");
        }
        if (document.batchMaxBackoff().compareTo(document.batchBaseBackoff()) < 0) {
            errors.add(PREFIX + "batch-max-backoff is " + document.batchMaxBackoff()
                    + ": use a duration at least as long as batch-base-backoff");
        }
        return errors;
    }

    static BackoffStrategy backoff(Duration base, Duration max) {
        return base.isZero() ? BackoffStrategy.retryImmediately() : BackoffStrategy.exponentialDelay(base, max);
    }
}
