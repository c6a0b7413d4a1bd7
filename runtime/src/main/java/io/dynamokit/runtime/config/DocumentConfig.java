package io.dynamokit.runtime.config;

import java.time.Duration;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * Settings of the document clients.
 */
@ConfigGroup
public interface DocumentConfig {

    /**
     * How many times a batch call re-sends what DynamoDB left unprocessed (`UnprocessedItems`, `UnprocessedKeys`)
     * before it gives up and throws an exception carrying exactly those items or keys. These rounds come on top of
     * the client's own retries of failed requests.
     */
    @WithDefault("10")
    int batchMaxRetries();

    /**
     * Base delay of the exponential backoff (with full jitter) between two rounds of unprocessed items or keys.
     */
    @WithDefault("50MS")
    Duration batchBaseBackoff();

    /**
     * The longest delay between two rounds of unprocessed items or keys.
     */
    @WithDefault("5S")
    Duration batchMaxBackoff();

    /**
     * How many requests of one batch call run at the same time (each of up to 25 writes or 100 keys). The
     * application-wide `quarkus.dynamokit.client.max-in-flight` bound still applies.
     */
    @WithDefault("4")
    int batchConcurrency();

    /**
     * Whether the document clients ask DynamoDB to report the capacity their item, query, scan, batch and transaction
     * requests consume (`ReturnConsumedCapacity`): `none` does not ask, `total` asks for the total per table, `indexes`
     * for the total and each index's share. What DynamoDB reports goes into the `consumedCapacity` of
     * `@DynamoInstrumented` measurements and the `dynamokit.dynamodb.consumed.capacity` counter.
     */
    @WithDefault("none")
    ConsumedCapacity returnConsumedCapacity();

    /**
     * What the document clients ask DynamoDB to report about consumed capacity.
     */
    enum ConsumedCapacity {
        /** Nothing is asked: requests carry no `ReturnConsumedCapacity`. */
        NONE,
        /** `ReturnConsumedCapacity=TOTAL`. */
        TOTAL,
        /** `ReturnConsumedCapacity=INDEXES`. */
        INDEXES
    }
}
