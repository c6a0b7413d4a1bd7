package io.dynamokit.runtime.configstore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.dynamokit.runtime.config.DynamoKitConfig;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Creates, while the run time configuration is built, a {@link StoreConfigSource} for each config store with
 * {@code config-source.enabled=true}. The store finds its source among that configuration's sources
 * ({@link StoreConfigSource#of}) and publishes its options to it once loaded; nothing is kept here, so that two
 * applications started in one JVM each have their own.
 * <p>
 * The configuration is built before any bean exists, so the stores are found by their property names: stores
 * configured in {@code application.properties} or system properties (an environment variable cannot say which store
 * it belongs to).
 */
public final class ConfigStoreSources implements ConfigSourceFactory {

    static final String ENABLED = "config-source.enabled";
    static final String ORDINAL = "config-source.ordinal";
    static final int DEFAULT_ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<ConfigSource> sources = new ArrayList<>();
        Set<String> stores = new HashSet<>();
        List<String> names = new ArrayList<>();
        context.iterateNames().forEachRemaining(names::add);
        for (String name : names) {
            // %dev.quarkus.dynamokit...: looked up without the profile, which the context resolves
            String property = ConfigStoreProperties.withoutProfile(name);
            String store = property == null ? null : storeOf(property);
            if (store == null || stores.contains(store)) {
                continue;
            }
            ConfigValue enabled = context.getValue(property);
            if (enabled == null || !"true".equalsIgnoreCase(String.valueOf(enabled.getValue()).trim())) {
                continue;
            }
            String prefix = property.substring(0, property.length() - ENABLED.length());
            ConfigValue ordinal = context.getValue(prefix + ORDINAL);
            int value = DEFAULT_ORDINAL;
            if (ordinal != null && ordinal.getValue() != null) {
                try {
                    value = Integer.parseInt(ordinal.getValue().trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Invalid DynamoKit configuration: " + prefix + ORDINAL + " is '"
                            + ordinal.getValue() + "': it must be an integer such as 275", e);
                }
            }
            stores.add(store);
            sources.add(new StoreConfigSource(store, value));
        }
        return sources;
    }

    /**
     * The store a {@code ...config-source.enabled} property belongs to: {@link DynamoKitConfig#DEFAULT_STORE} for
     * {@code quarkus.dynamokit.config-stores.config-source.enabled}, {@code flags} for
     * {@code quarkus.dynamokit.config-stores."flags".config-source.enabled}; null for any other property.
     */
    static String storeOf(String property) {
        ConfigStoreProperties.StoreProperty parsed = ConfigStoreProperties.parse(property);
        return parsed != null && ENABLED.equals(parsed.key()) ? parsed.store() : null;
    }
}
