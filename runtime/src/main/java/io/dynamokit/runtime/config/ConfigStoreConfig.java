package io.dynamokit.runtime.config;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * A config store: application configuration kept in a DynamoDB table, one item per option.
 */
@ConfigGroup
public interface ConfigStoreConfig {

    /**
     * The DynamoDB table holding the store (several stores can share one table). `quarkus.dynamokit.table-name-prefix`
     * and `table-name-suffix` are applied. Required for every store the application injects; set it in
     * `application.properties`, so that the build knows the store.
     */
    Optional<String> table();

    /**
     * The store's name in the table: the value of the store key attribute in each of its items. Not set: the store's
     * name in the configuration (`default` for the unnamed store).
     */
    Optional<String> storeName();

    /**
     * The hash key attribute, holding the store name.
     */
    @WithDefault("_store")
    String storeKeyAttribute();

    /**
     * The range key attribute, holding the option name.
     */
    @WithDefault("_option")
    String optionKeyAttribute();

    /**
     * How reads are served: `direct` (every read goes to DynamoDB), `cached` (loaded at start-up and served from
     * memory; `reload()` re-reads) or `periodic` (served from memory and reloaded every `refresh-interval`).
     */
    @WithDefault("cached")
    String mode();

    /**
     * How often a `periodic` store reloads its options. One background task refreshes every periodic store of the
     * application.
     */
    @WithDefault("5M")
    Duration refreshInterval();

    /**
     * Whether writes are conditional on the option's version, kept in `version-attribute`: a write based on an older
     * version fails with `ConfigStoreConflictException` instead of overwriting someone else's change.
     */
    @WithDefault("false")
    boolean optimisticLocking();

    /**
     * The attribute holding an option's version when `optimistic-locking` is on. Reads leave it out of the values.
     */
    @WithDefault("_version")
    String versionAttribute();

    /**
     * Whether a missing table is created at start-up. Not set: `true` in dev and test mode, `false` in production,
     * where a missing table fails start-up.
     */
    Optional<Boolean> createTable();

    /**
     * How a created table is billed: `provisioned` (with `read-capacity-units` and `write-capacity-units`) or
     * `on-demand`.
     */
    @WithDefault("provisioned")
    String billingMode();

    /**
     * Read capacity units of a created provisioned table.
     */
    @WithDefault("1")
    OptionalLong readCapacityUnits();

    /**
     * Write capacity units of a created provisioned table.
     */
    @WithDefault("1")
    OptionalLong writeCapacityUnits();

    /**
     * How long start-up waits for the store's table to become ACTIVE (after creating it, or when it is being created
     * or updated by someone else).
     */
    @WithDefault("60S")
    Duration tableReadyTimeout();

    /**
     * The store as a MicroProfile Config source.
     */
    @WithName("config-source")
    ConfigSourceConfig configSource();

    /**
     * The store's options as MicroProfile Config properties.
     */
    @ConfigGroup
    interface ConfigSourceConfig {

        /**
         * Whether the store's options are visible as configuration properties named `<option>.<key>`, for
         * `@ConfigProperty` and `ConfigProvider.getConfig()`. Needs `mode` `cached` or `periodic`: the source serves
         * the store's memory, and a `periodic` store's refreshed values are seen by programmatic lookups. Properties
         * read at build time or before the store has loaded (static initialization) do not see them.
         */
        @WithDefault("false")
        boolean enabled();

        /**
         * The source's ordinal: above `application.properties` (250) and below environment variables (300) by
         * default, so the store overrides the packaged configuration and the environment overrides the store.
         */
        @WithDefault("275")
        int ordinal();
    }
}
