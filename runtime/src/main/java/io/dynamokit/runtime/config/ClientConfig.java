package io.dynamokit.runtime.config;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * Client settings DynamoKit adds to the DynamoDB clients.
 */
@ConfigGroup
public interface ClientConfig {

    /**
     * Retries of a failed DynamoDB call, applied through the AWS SDK's standard retry strategy.
     */
    RetryConfig retry();

    /**
     * Extra HTTP headers sent with every DynamoDB request, for example to a gateway in front of DynamoDB. Header names
     * must be HTTP tokens and must not be one of the headers the SDK sets itself (`Host`, `Authorization`,
     * `Content-Type`, `Content-Length`, `X-Amz-Target`, `X-Amz-Date`, `X-Amz-Security-Token`,
     * `X-Amz-Content-Sha256`). Values are never logged.
     */
    @ConfigDocMapKey("header-name")
    Map<String, String> extraHeaders();

    /**
     * The most DynamoDB calls the application runs at the same time, across all DynamoDB clients, sync and async
     * (the `max_clients` of other DynamoDB libraries). A call over the bound waits up to
     * `quarkus.dynamokit.client.max-in-flight-wait` for a free slot, then fails. Not set: no bound beyond the
     * transports' own pools (`quarkus.dynamodb.sync-client.apache.max-connections` and
     * `quarkus.dynamodb.async-client.max-concurrency`, each per client).
     */
    OptionalInt maxInFlight();

    /**
     * How long a DynamoDB call waits for a free slot when `quarkus.dynamokit.client.max-in-flight` calls are already
     * running, before it fails with an `SdkClientException` that names the bound.
     */
    @WithDefault("10S")
    Duration maxInFlightWait();

    /**
     * Deprecated: use `quarkus.dynamokit.table-defaults.read-capacity-units`, which wins when both are set. Read
     * capacity units given to a provisioned declared table or index without its own value.
     */
    @Deprecated
    OptionalLong readCapacityUnits();

    /**
     * Deprecated: use `quarkus.dynamokit.table-defaults.write-capacity-units`, which wins when both are set. Write
     * capacity units given to a provisioned declared table or index without its own value.
     */
    @Deprecated
    OptionalLong writeCapacityUnits();
}
