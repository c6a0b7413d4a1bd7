package io.dynamokit.runtime.configstore;

import io.quarkus.runtime.configuration.ConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Adds the config stores' configuration sources to the run time configuration. */
public final class ConfigStoreConfigBuilder implements ConfigBuilder {

    @Override
    public SmallRyeConfigBuilder configBuilder(SmallRyeConfigBuilder builder) {
        return builder.withSources(new ConfigStoreSources());
    }
}
