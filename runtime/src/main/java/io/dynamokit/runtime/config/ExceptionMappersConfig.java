package io.dynamokit.runtime.config;

import java.time.Duration;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * Run time settings of the exception mappers.
 */
@ConfigGroup
public interface ExceptionMappersConfig {

    /**
     * Whether problem responses carry DynamoDB's own error message in `detail`. That text can echo key values and
     * table names, so it is off by default in production; DynamoKit turns it on in dev and test mode. Off, `detail`
     * is a fixed sentence per kind of failure.
     */
    @WithDefault("false")
    boolean exposeDetails();

    /**
     * The status answered when no AWS credentials can be loaded: `500`, or `429` to make clients back off and retry
     * (the `DYNAMODB_NO_CREDS_RATE_LIMIT` of other DynamoDB libraries).
     */
    @WithDefault("500")
    int noCredentialsStatus();

    /**
     * The `Retry-After` of a 429 answer to throttling.
     */
    @WithDefault("1S")
    Duration throttlingRetryAfter();

    /**
     * The `Retry-After` of a 503 answer when DynamoDB is unavailable.
     */
    @WithDefault("5S")
    Duration unavailableRetryAfter();
}
