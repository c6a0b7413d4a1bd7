package io.dynamokit.runtime.configstore;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

import io.dynamokit.configstore.ConfigOption;

/**
 * A config store's options as configuration properties named {@code <option>.<key>}. Serves the store's memory: empty
 * until the store has loaded, then replaced with each load, reload, refresh and write.
 * <p>
 * Strings, numbers and booleans become their text; lists and sets become comma-separated lists (commas in elements
 * escaped as MicroProfile Config expects). Maps, binary values and nulls are left out: they have no text form.
 */
public final class StoreConfigSource implements ConfigSource {

    private final String name;
    private final int ordinal;
    private volatile Map<String, String> properties = Map.of();

    public StoreConfigSource(String storeName, int ordinal) {
        this.name = nameOf(storeName);
        this.ordinal = ordinal;
    }

    /**
     * The source of this store among the configuration's sources (created by {@link ConfigStoreSources} when the
     * configuration was built), or null when the store has none.
     */
    static StoreConfigSource of(Config config, String storeName) {
        for (ConfigSource source : config.getConfigSources()) {
            if (source instanceof StoreConfigSource own && own.name.equals(nameOf(storeName))) {
                return own;
            }
        }
        return null;
    }

    private static String nameOf(String storeName) {
        return "DynamoKitConfigStore[" + storeName + "]";
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    /** Serves these options from now on. */
    public void publish(Map<String, ConfigOption> options) {
        Map<String, String> next = new HashMap<>();
        for (ConfigOption option : options.values()) {
            for (Map.Entry<String, Object> value : option.values().entrySet()) {
                String text = text(value.getValue());
                if (text != null) {
                    next.put(option.name() + "." + value.getKey(), text);
                }
            }
        }
        properties = Collections.unmodifiableMap(next);
    }

    static String text(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        if (value instanceof Collection<?> elements) {
            StringJoiner list = new StringJoiner(",");
            for (Object element : elements) {
                String text = text(element);
                if (text == null) {
                    return null;
                }
                list.add(text.replace("\\", "\\\\").replace(",", "\\,"));
            }
            return list.toString();
        }
        return null;
    }
}
