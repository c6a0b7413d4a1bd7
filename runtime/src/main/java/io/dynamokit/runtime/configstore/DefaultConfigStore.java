package io.dynamokit.runtime.configstore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.configstore.ConfigStoreChange;
import io.dynamokit.configstore.ConfigStoreConflictException;
import io.dynamokit.configstore.OptionNotFoundException;
import io.dynamokit.document.DocumentClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * What the three modes of a config store share: the checks before anything is sent, the writes and their version
 * conditions, and what a conflict teaches. Where an option is looked up, which version a write is based on and what a
 * write leaves behind is each mode's: {@link DirectConfigStore}, {@link CachedConfigStore},
 * {@link PeriodicConfigStore}.
 */
public abstract class DefaultConfigStore implements ConfigStore {

    final StoreSettings settings;
    final OptionChecks checks;
    final StoreItems items;
    final Consumer<ConfigStoreChange> changes;

    DefaultConfigStore(StoreSettings settings, DocumentClient documents, Consumer<ConfigStoreChange> changes) {
        this.settings = settings;
        this.checks = new OptionChecks(settings);
        this.items = new StoreItems(settings, documents, checks);
        this.changes = changes;
    }

    /**
     * The store of the configured mode.
     *
     * @param changes receives the changes a reload finds (CDI events in an application)
     * @param loaded receives every new set of options of an in-memory store (its configuration source)
     */
    public static DefaultConfigStore of(StoreSettings settings, DocumentClient documents,
            Consumer<ConfigStoreChange> changes, Consumer<Map<String, ConfigOption>> loaded) {
        return switch (settings.mode()) {
            case DIRECT -> new DirectConfigStore(settings, documents, changes);
            case CACHED -> new CachedConfigStore(settings, documents, changes, loaded);
            case PERIODIC -> new PeriodicConfigStore(settings, documents, changes, loaded);
        };
    }

    public StoreSettings settings() {
        return settings;
    }

    @Override
    public String storeName() {
        return settings.storeName();
    }

    @Override
    public String tableName() {
        return settings.tableName();
    }

    // ---- what each mode decides

    /** The option where this mode reads it, or null when it is missing. The name is checked. */
    abstract ConfigOption find(String option);

    /** With optimistic locking: the version the next write of the option is based on, what this store last saw. */
    abstract long knownVersion(String option);

    /** Runs before a write is sent, after its option name is checked: may refuse it. */
    abstract void beforeWrite();

    /** A write landed: {@code written} is the option as written, null when deleted. */
    abstract void wrote(String option, ConfigOption written);

    /** After a conflict, the option as it is now in the table (null: missing). */
    abstract void learned(String option, ConfigOption current);

    /** Runs once the table is ready, at start-up. */
    abstract void start();

    // ---- reads

    @Override
    public Map<String, Object> get(String option) {
        return option(option).values();
    }

    @Override
    public Optional<Object> get(String option, String key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(option(option).values().get(key));
    }

    @Override
    public Map<String, Object> get(String option, String... keys) {
        Map<String, Object> values = option(option).values();
        Map<String, Object> selected = new LinkedHashMap<>();
        for (String key : keys) {
            Object value = values.get(key);
            if (value != null || values.containsKey(key)) {
                selected.put(key, value);
            }
        }
        return Collections.unmodifiableMap(selected);
    }

    @Override
    public ConfigOption option(String option) {
        checks.name(option);
        ConfigOption found = find(option);
        if (found == null) {
            throw new OptionNotFoundException(settings.name(), settings.tableName(), option);
        }
        return found;
    }

    @Override
    public boolean contains(String option) {
        checks.name(option);
        return find(option) != null;
    }

    // ---- writes

    @Override
    public ConfigOption set(String option, Map<String, ?> values) {
        checks.name(option);
        beforeWrite();
        return put(option, values, versionToWrite(option));
    }

    @Override
    public ConfigOption set(ConfigOption basis, Map<String, ?> values) {
        Objects.requireNonNull(basis, "basis");
        if (!settings.optimisticLocking()) {
            throw new IllegalStateException("Config store '" + settings.name()
                    + "' has no optimistic locking: set " + StoreSettings.prefix(settings.name())
                    + "optimistic-locking=true to write conditionally on a version, or use set(option, values)");
        }
        checks.name(basis.name());
        beforeWrite();
        return put(basis.name(), values, basis.version());
    }

    private ConfigOption put(String option, Map<String, ?> values, long expectedVersion) {
        Map<String, ?> checked = checks.values(option, values);
        return write(option, expectedVersion, () -> items.put(option, checked, expectedVersion));
    }

    @Override
    public ConfigOption update(String option, Map<String, ?> values) {
        checks.name(option);
        Map<String, ?> checked = checks.values(option, values);
        checks.marshals(option, checked);
        if (checked.isEmpty()) {
            throw checks.emptyUpdate(option);
        }
        beforeWrite();
        long expected = versionToWrite(option);
        return write(option, expected, () -> items.update(option, checked, expected));
    }

    /** Runs a put or update of the option, a failed version condition as a conflict, and keeps what it wrote. */
    private ConfigOption write(String option, long expectedVersion, Supplier<ConfigOption> itemWrite) {
        ConfigOption written;
        try {
            written = itemWrite.get();
        } catch (ConditionalCheckFailedException e) {
            throw conflict(option, expectedVersion, e);
        }
        wrote(option, written);
        return written;
    }

    @Override
    public void delete(String option) {
        checks.name(option);
        beforeWrite();
        long expected = versionToWrite(option);
        try {
            items.delete(option, expected);
        } catch (ConditionalCheckFailedException e) {
            throw conflict(option, expected, e);
        }
        wrote(option, null);
    }

    /** 0 without optimistic locking: no condition is sent. */
    private long versionToWrite(String option) {
        return settings.optimisticLocking() ? knownVersion(option) : 0;
    }

    private ConfigStoreConflictException conflict(String option, long expectedVersion, RuntimeException cause) {
        // learn the version that won, so that the caller's next attempt is based on it
        try {
            learned(option, items.read(option));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        return new ConfigStoreConflictException(settings.name(), option, expectedVersion, cause);
    }
}
