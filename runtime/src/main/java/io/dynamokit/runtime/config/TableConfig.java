package io.dynamokit.runtime.config;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * A declared table. Keys are written as the attribute name and its type: `ForumName:S`, where the type is `S`
 * (string), `N` (number) or `B` (binary).
 */
@ConfigGroup
public interface TableConfig {

    /**
     * The hash (partition) key: attribute name and type, such as `ForumName:S`. Required.
     */
    Optional<String> hashKey();

    /**
     * The range (sort) key: attribute name and type, such as `Subject:S`. Not set: the table has a hash key only.
     */
    Optional<String> rangeKey();

    /**
     * How DynamoDB bills the table: `provisioned` (read and write capacity units, DynamoDB's own default) or
     * `on-demand` (pay per request).
     */
    @WithDefault("provisioned")
    String billingMode();

    /**
     * Read capacity units of a provisioned table. Not set: `quarkus.dynamokit.table-defaults.read-capacity-units`. Not
     * allowed with `on-demand`.
     */
    OptionalLong readCapacityUnits();

    /**
     * Write capacity units of a provisioned table. Not set: `quarkus.dynamokit.table-defaults.write-capacity-units`.
     * Not allowed with `on-demand`.
     */
    OptionalLong writeCapacityUnits();

    /**
     * Global secondary indexes, by index name (at most 20).
     */
    @ConfigDocMapKey("index-name")
    Map<String, GlobalIndexConfig> globalSecondaryIndexes();

    /**
     * Local secondary indexes, by index name (at most 5; the table needs a range key). Their hash key is the table's.
     */
    @ConfigDocMapKey("index-name")
    Map<String, LocalIndexConfig> localSecondaryIndexes();

    /**
     * The table's DynamoDB stream and what its records hold: `new-image`, `old-image`, `new-and-old-images` or
     * `keys-only`. Not set: no stream.
     */
    Optional<String> stream();

    /**
     * The attribute holding each item's expiry time (epoch seconds), for DynamoDB's time to live. Not set: time to live
     * is off.
     */
    Optional<String> timeToLiveAttribute();

    /**
     * Tags of the table, by tag key. Tags whose key starts with `aws:` belong to AWS and are left alone.
     */
    @ConfigDocMapKey("tag-key")
    Map<String, String> tags();

    /**
     * Whether DynamoDB refuses to delete the table (deletion protection).
     */
    @WithDefault("false")
    boolean deletionProtection();

    /**
     * The table class: `standard` or `standard-infrequent-access`.
     */
    @WithDefault("standard")
    String tableClass();
}
