package io.dynamokit.runtime.config;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * A local secondary index of a declared table: the table's hash key with another range key.
 */
@ConfigGroup
public interface LocalIndexConfig {

    /**
     * The index's range key: attribute name and type, such as `LastPostDateTime:S`. Required.
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
}
