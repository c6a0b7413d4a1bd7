package io.dynamokit.runtime.config;

import java.util.OptionalLong;

import io.quarkus.runtime.annotations.ConfigGroup;

/**
 * Defaults of the declared tables: what a declaration that does not set a value gets.
 */
@ConfigGroup
public interface TableDefaultsConfig {

    /**
     * Read capacity units of a provisioned declared table, or of a global secondary index of one, that does not set
     * its own. Not set: the former `quarkus.dynamokit.client.read-capacity-units` when that is set, else 5.
     */
    OptionalLong readCapacityUnits();

    /**
     * Write capacity units of a provisioned declared table, or of a global secondary index of one, that does not set
     * its own. Not set: the former `quarkus.dynamokit.client.write-capacity-units` when that is set, else 5.
     */
    OptionalLong writeCapacityUnits();
}
