package io.dynamokit.configstore;

import java.util.Map;
import java.util.Optional;

/**
 * Application configuration kept in a DynamoDB table: one item per option, its values as the item's other attributes.
 * Declared under {@code quarkus.dynamokit.config-stores} and injected with {@code @Inject ConfigStore} (the unnamed
 * store) or {@code @Inject @ConfigStoreName("flags") ConfigStore} (a named one).
 * <p>
 * How reads are served depends on the store's {@code mode}: {@code direct} reads DynamoDB every time; {@code cached}
 * serves the options loaded at start-up until {@link #reload()}; {@code periodic} also reloads them every
 * {@code refresh-interval}. Writes always go to DynamoDB first; a {@code cached} or {@code periodic} store then serves
 * the written values at once.
 * <p>
 * Values are plain Java values, marshalled as the document client does ({@code io.dynamokit.document.AttributeValues}):
 * numbers come back as {@code Long} or {@code BigDecimal}, sets as {@code Set}, maps as ordered {@code Map}s.
 * The maps returned are unmodifiable.
 * <p>
 * An empty option name, one over DynamoDB's 1,024 bytes, or values DynamoDB cannot store raise
 * {@link InvalidConfigOptionException}, in reads as in writes; a write that raises it wrote nothing.
 */
public interface ConfigStore {

    /** The store's name: the value of its store key attribute in every item it owns. */
    String storeName();

    /** The table the store lives in, with {@code quarkus.dynamokit.table-name-prefix} and suffix applied. */
    String tableName();

    /**
     * The option's values, without the key attributes (and without the version attribute when optimistic locking is on).
     *
     * @throws OptionNotFoundException when the store has no such option
     */
    Map<String, Object> get(String option);

    /**
     * One value of the option.
     *
     * @return empty when the option exists but has no such key
     * @throws OptionNotFoundException when the store has no such option
     */
    Optional<Object> get(String option, String key);

    /**
     * Only the given keys of the option; keys the option does not have are left out.
     *
     * @throws OptionNotFoundException when the store has no such option
     */
    Map<String, Object> get(String option, String... keys);

    /** Every option of the store with its values, by option name, sorted by name. */
    Map<String, Map<String, Object>> getAll();

    /**
     * The option with its values and version.
     *
     * @throws OptionNotFoundException when the store has no such option
     */
    ConfigOption option(String option);

    /** Whether the store has the option. */
    boolean contains(String option);

    /**
     * Replaces the option's values by these: keys not given disappear. Creates the option when it is missing.
     * With optimistic locking, the write happens only if the option is still at the version this store last saw.
     *
     * @return the option as written
     * @throws ConfigStoreConflictException with optimistic locking, when someone else changed the option first
     */
    ConfigOption set(String option, Map<String, ?> values);

    /**
     * Replaces the option's values, only if the option is still at {@code basis}'s version: the read-modify-write of
     * optimistic locking ({@code ConfigOption current = store.option("limits"); store.set(current, newValues)}).
     *
     * @throws ConfigStoreConflictException when the option changed since {@code basis} was read
     * @throws IllegalStateException when optimistic locking is off for this store
     */
    ConfigOption set(ConfigOption basis, Map<String, ?> values);

    /**
     * Sets these keys of the option, keeping the others; creates the option when it is missing. With optimistic
     * locking, conditional on the version this store last saw, as {@link #set(String, Map)}.
     *
     * @return the option as it is after the update
     */
    ConfigOption update(String option, Map<String, ?> values);

    /**
     * Deletes the option. Does nothing when it is missing. With optimistic locking, conditional on the version this
     * store last saw.
     */
    void delete(String option);

    /**
     * Re-reads every option of the store now (one paged query), and fires a {@link ConfigStoreChange} for each option
     * added, changed or removed since the last load. A {@code direct} store has nothing to reload.
     */
    void reload();
}
