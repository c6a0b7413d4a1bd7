package io.dynamokit.runtime.configstore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dynamokit.runtime.config.ConfigStoreConfig;
import io.dynamokit.runtime.config.DynamoKitConfig;
import io.dynamokit.runtime.config.TablesConfig;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;

/**
 * A config store's configuration, checked and complete: defaults applied, the table named with the configured prefix
 * and suffix.
 *
 * @param name the key under {@code quarkus.dynamokit.config-stores} ({@link DynamoKitConfig#DEFAULT_STORE} for the
 *        unnamed store)
 * @param versionAttribute null when optimistic locking is off
 * @param readCapacityUnits 0 for an on-demand table
 */
public record StoreSettings(String name, String tableName, String storeName, String storeKeyAttribute,
        String optionKeyAttribute, Mode mode, Duration refreshInterval, String versionAttribute, boolean createTable,
        BillingMode billingMode, long readCapacityUnits, long writeCapacityUnits, Duration tableReadyTimeout,
        boolean configSource) {

    /** DynamoDB's limit on a range key value: an option name. */
    static final int MAX_OPTION_NAME_BYTES = 1024;
    /** DynamoDB's limit on a hash key value: a store name. */
    static final int MAX_STORE_NAME_BYTES = 2048;

    /** How a store serves reads. */
    public enum Mode {
        DIRECT,
        CACHED,
        PERIODIC;

        /** The mode's name as written in the configuration. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether reads are served from memory. */
    public boolean inMemory() {
        return mode != Mode.DIRECT;
    }

    public boolean optimisticLocking() {
        return versionAttribute != null;
    }

    /** The property prefix of the store, for messages: {@code quarkus.dynamokit.config-stores."flags".}. */
    public static String prefix(String name) {
        return ConfigStoreProperties.prefix(name);
    }

    /**
     * The store's settings.
     *
     * @param production whether the application runs in production, where a missing table is not created unless
     *        configured
     * @throws IllegalArgumentException naming every property that is wrong, all at once
     */
    public static StoreSettings of(String name, DynamoKitConfig dynamoKit, boolean production) {
        ConfigStoreConfig config = dynamoKit.configStores().get(name);
        String prefix = prefix(name);
        List<String> problems = new ArrayList<>();
        if (config == null || config.table().isEmpty() || config.table().get().isBlank()) {
            throw new IllegalArgumentException("Invalid DynamoKit configuration: config store '" + name
                    + "' has no table: set " + prefix + "table");
        }
        Mode mode = null;
        try {
            mode = Mode.valueOf(config.mode().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(prefix + "mode is '" + config.mode() + "': use direct, cached or periodic");
        }
        String storeName = config.storeName().orElse(DynamoKitConfig.DEFAULT_STORE.equals(name) ? "default" : name);
        if (storeName.isEmpty() || storeName.getBytes(StandardCharsets.UTF_8).length > MAX_STORE_NAME_BYTES) {
            problems.add(prefix + "store-name must be 1 to " + MAX_STORE_NAME_BYTES + " bytes long");
        }
        String storeKey = config.storeKeyAttribute().trim();
        String optionKey = config.optionKeyAttribute().trim();
        if (storeKey.isEmpty() || optionKey.isEmpty() || storeKey.equals(optionKey)) {
            problems.add(prefix + "store-key-attribute ('" + storeKey + "') and option-key-attribute ('" + optionKey
                    + "') must be two different, non-empty attribute names");
        }
        String version = null;
        if (config.optimisticLocking()) {
            version = config.versionAttribute().trim();
            if (version.isEmpty() || version.equals(storeKey) || version.equals(optionKey)) {
                problems.add(prefix + "version-attribute ('" + version
                        + "') must be a non-empty attribute name other than the key attributes");
            }
        }
        if (mode == Mode.PERIODIC && (config.refreshInterval().isNegative() || config.refreshInterval().isZero())) {
            problems.add(prefix + "refresh-interval must be positive, not " + config.refreshInterval());
        }
        if (config.configSource().enabled() && mode == Mode.DIRECT) {
            problems.add(prefix + "config-source.enabled=true needs " + prefix
                    + "mode=cached or periodic: a configuration source is read far too often to go to DynamoDB each time");
        }
        BillingMode billing = switch (config.billingMode().trim().toLowerCase(Locale.ROOT)) {
            case "provisioned" -> BillingMode.PROVISIONED;
            case "on-demand", "pay-per-request" -> BillingMode.PAY_PER_REQUEST;
            default -> {
                problems.add(prefix + "billing-mode is '" + config.billingMode() + "': use provisioned or on-demand");
                yield null;
            }
        };
        long read = config.readCapacityUnits().orElse(1);
        long write = config.writeCapacityUnits().orElse(1);
        if (billing == BillingMode.PROVISIONED && (read < 1 || write < 1)) {
            problems.add(prefix + "read-capacity-units and write-capacity-units must be at least 1 (found " + read + "/"
                    + write + ")");
        }
        if (config.tableReadyTimeout().isNegative() || config.tableReadyTimeout().isZero()) {
            problems.add(prefix + "table-ready-timeout must be positive, not " + config.tableReadyTimeout());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid DynamoKit configuration: config store '" + name + "': " + String.join("; ", problems));
        }
        TablesConfig tables = dynamoKit.declarativeTables();
        String tableName = tables.tableNamePrefix().orElse("") + config.table().get().trim()
                + tables.tableNameSuffix().orElse("");
        boolean create = config.createTable().orElse(!production);
        boolean provisioned = billing == BillingMode.PROVISIONED;
        return new StoreSettings(name, tableName, storeName, storeKey, optionKey, mode, config.refreshInterval(), version,
                create, billing, provisioned ? read : 0, provisioned ? write : 0, config.tableReadyTimeout(),
                config.configSource().enabled());
    }
}
