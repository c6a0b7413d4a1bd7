package io.dynamokit.runtime.configstore;

import java.util.Set;

import io.dynamokit.runtime.config.DynamoKitConfig;

/**
 * How the config stores' property names are read: which store a property under {@code quarkus.dynamokit.config-stores}
 * belongs to, and which of its keys it sets. The build reads them to know which stores exist, the configuration source
 * factory to know which stores want a source: both before any configuration mapping exists, from names alone.
 * <p>
 * {@code quarkus.dynamokit.config-stores.table} is the unnamed store's ({@link DynamoKitConfig#DEFAULT_STORE}),
 * {@code quarkus.dynamokit.config-stores."flags".table} and {@code quarkus.dynamokit.config-stores.flags.table} the
 * store {@code flags}'s; a profile ({@code %dev.}) is ignored.
 */
public final class ConfigStoreProperties {

    public static final String PREFIX = "quarkus.dynamokit.config-stores.";

    /**
     * The first segment of each key of a store ({@code ConfigStoreConfig}'s properties), to tell the unnamed store's
     * properties from a named store's.
     */
    static final Set<String> KEYS = Set.of("table", "store-name", "store-key-attribute", "option-key-attribute",
            "mode", "refresh-interval", "optimistic-locking", "version-attribute", "create-table", "billing-mode",
            "read-capacity-units", "write-capacity-units", "table-ready-timeout", "config-source");

    private ConfigStoreProperties() {
    }

    /**
     * A property of a config store.
     *
     * @param store the store's name, {@link DynamoKitConfig#DEFAULT_STORE} for the unnamed one
     * @param key what it sets, such as {@code table} or {@code config-source.enabled}
     */
    public record StoreProperty(String store, String key) {
    }

    /** The store and key this property sets, or null when it is not a config store's property. */
    public static StoreProperty parse(String property) {
        String name = withoutProfile(property);
        if (name == null || !name.startsWith(PREFIX)) {
            return null;
        }
        String rest = name.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        String first = dot < 0 ? rest : rest.substring(0, dot);
        if (KEYS.contains(first)) {
            return new StoreProperty(DynamoKitConfig.DEFAULT_STORE, rest);
        }
        if (rest.startsWith("\"")) {
            int close = rest.indexOf('"', 1);
            if (close <= 1) {
                return null;
            }
            boolean keyFollows = rest.length() > close + 1 && rest.charAt(close + 1) == '.';
            return new StoreProperty(rest.substring(1, close), keyFollows ? rest.substring(close + 2) : "");
        }
        return dot > 0 ? new StoreProperty(first, rest.substring(dot + 1)) : null;
    }

    /**
     * The property as the configuration resolves it for the active profile: {@code %dev.quarkus.x} is
     * {@code quarkus.x}; null for a profile without a property name.
     */
    public static String withoutProfile(String property) {
        if (!property.startsWith("%")) {
            return property;
        }
        int dot = property.indexOf('.');
        return dot < 0 ? null : property.substring(dot + 1);
    }

    /** The property prefix of a store, as messages name it: {@code quarkus.dynamokit.config-stores."flags".}. */
    public static String prefix(String store) {
        return DynamoKitConfig.DEFAULT_STORE.equals(store) ? PREFIX : PREFIX + "\"" + store + "\".";
    }
}
