package io.dynamokit.runtime.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * A global secondary index of a declared table.
 */
@ConfigGroup
public interface GlobalIndexConfig {

    /**
     * The index's hash key: attribute name and type, such as `Author:S`. Required.
     */
    Optional<String> hashKey();

    /**
     * The index's range key: attribute name and type, such as `LastPostDateTime:S`. Not set: none.
     */
    Optional<String> rangeKey();

    /**
     * The attributes the index holds besides the keys: `all`, `keys-only`, or `include` (the attributes listed in
     * `non-key-attributes`).
     */
    @WithDefault("all")
    String projection();

    /**
     * The attributes an `include` projection holds besides the keys.
     */
    Optional<List<String>> nonKeyAttributes();

    /**
     * Read capacity units of the index of a provisioned table. Not set:
     * `quarkus.dynamokit.table-defaults.read-capacity-units`.
     */
    OptionalLong readCapacityUnits();

    /**
     * Write capacity units of the index of a provisioned table. Not set:
     * `quarkus.dynamokit.table-defaults.write-capacity-units`.
     */
    OptionalLong writeCapacityUnits();
}
