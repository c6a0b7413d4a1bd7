package io.dynamokit.runtime.configstore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.configstore.ConfigStoreChange;
import io.dynamokit.configstore.ConfigStoreConflictException;
import io.dynamokit.configstore.ConfigStoreTableException;
import io.dynamokit.configstore.InvalidConfigOptionException;
import io.dynamokit.configstore.OptionNotFoundException;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.GetOptions;
import io.dynamokit.document.Query;
import io.dynamokit.document.WriteOptions;
import io.dynamokit.document.AttributeValues;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A config store over the document client. In memory modes, reads are served from an immutable snapshot that loads,
 * reloads and writes replace as a whole (copy on write), so a read is two hash lookups with no lock and no copy.
 */
public final class DefaultConfigStore implements ConfigStore {

    private static final Logger LOG = Logger.getLogger(DefaultConfigStore.class);
    /** A UTF-16 unit is at most 3 bytes in UTF-8: a name of at most this many chars is within DynamoDB's limit. */
    private static final int ALWAYS_SHORT_ENOUGH = StoreSettings.MAX_OPTION_NAME_BYTES / 3;

    private final StoreSettings settings;
    private final DocumentClient documents;
    private final Consumer<ConfigStoreChange> changes;
    private final Consumer<Map<String, ConfigOption>> loaded;
    private final Map<String, Object> storeKey;

    /** In memory modes: the options, sorted by name; replaced, never changed. Null until the first load. */
    private volatile Snapshot snapshot;
    /** Direct mode: the version each option had when this store last read or wrote it. */
    private final Map<String, Long> seenVersions = new ConcurrentHashMap<>();

    /** Guards snapshot replacement and the writes recorded since the running reload started. */
    private final Object lock = new Object();
    private long writeSequence;
    /** Writes through the store since the oldest running reload began: option to (sequence, option or null). */
    private final Map<String, LocalWrite> localWrites = new LinkedHashMap<>();
    private int reloadsRunning;

    private volatile boolean outage;

    /**
     * @param changes receives the changes a reload finds (CDI events in an application)
     * @param loaded receives every new snapshot (the configuration source of the store)
     */
    public DefaultConfigStore(StoreSettings settings, DocumentClient documents, Consumer<ConfigStoreChange> changes,
            Consumer<Map<String, ConfigOption>> loaded) {
        this.settings = settings;
        this.documents = documents;
        this.changes = changes;
        this.loaded = loaded;
        this.storeKey = Map.of(settings.storeKeyAttribute(), settings.storeName());
    }

    public StoreSettings settings() {
        return settings;
    }

    DocumentClient documents() {
        return documents;
    }

    @Override
    public String storeName() {
        return settings.storeName();
    }

    @Override
    public String tableName() {
        return settings.tableName();
    }

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
    public Map<String, Map<String, Object>> getAll() {
        if (settings.inMemory()) {
            return snapshot().values;
        }
        return Snapshot.of(readAll()).values;
    }

    @Override
    public ConfigOption option(String option) {
        ConfigOption found;
        if (settings.inMemory()) {
            // the UTF-8 length is computed only for names long enough to exceed the limit: this path stays two lookups
            if (option == null || option.isEmpty() || option.length() > ALWAYS_SHORT_ENOUGH) {
                checkOptionName(option);
            }
            found = snapshot().options.get(option);
        } else {
            checkOptionName(option);
            found = readOption(option);
        }
        if (found == null) {
            throw new OptionNotFoundException(settings.name(), settings.tableName(), option);
        }
        return found;
    }

    @Override
    public boolean contains(String option) {
        checkOptionName(option);
        return (settings.inMemory() ? snapshot().options.get(option) : readOption(option)) != null;
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            throw notLoaded("");
        }
        return current;
    }

    /**
     * Before a write is sent: an in-memory store that has not loaded could not serve what it writes, so it writes
     * nothing.
     */
    private void checkLoaded() {
        if (settings.inMemory() && snapshot == null) {
            throw notLoaded("; nothing was written");
        }
    }

    private ConfigStoreTableException notLoaded(String outcome) {
        return new ConfigStoreTableException(settings.name(), settings.tableName(),
                ConfigStoreTableException.Problem.NOT_READY, "Config store '" + settings.name()
                        + "' has not loaded its options yet (table '" + settings.tableName() + "')" + outcome,
                null);
    }

    private ConfigOption readOption(String option) {
        Optional<Map<String, Object>> item;
        try {
            item = documents.getItem(settings.tableName(), key(option), GetOptions.consistent());
        } catch (ResourceNotFoundException e) {
            throw tableGone(e);
        }
        ConfigOption read = item.map(this::toOption).orElse(null);
        if (settings.optimisticLocking()) {
            if (read == null) {
                seenVersions.remove(option);
            } else {
                seenVersions.put(option, read.version());
            }
        }
        return read;
    }

    /** Every option of the store: one query, all its pages. */
    List<ConfigOption> readAll() {
        Query query = Query.on(settings.tableName()).keyCondition("#store = :store")
                .name("#store", settings.storeKeyAttribute()).value(":store", settings.storeName())
                .consistentRead(true);
        try (Stream<Map<String, Object>> items = documents.query(query)) {
            return items.map(this::toOption).toList();
        } catch (ResourceNotFoundException e) {
            throw tableGone(e);
        }
    }

    private ConfigOption toOption(Map<String, Object> item) {
        Map<String, Object> values = new LinkedHashMap<>(item);
        values.remove(settings.storeKeyAttribute());
        Object name = values.remove(settings.optionKeyAttribute());
        long version = 0;
        if (settings.optimisticLocking()) {
            Object stored = values.remove(settings.versionAttribute());
            if (stored instanceof Number number) {
                version = number.longValue();
            }
        }
        return new ConfigOption(String.valueOf(name), values, version);
    }

    // ---- writes

    @Override
    public ConfigOption set(String option, Map<String, ?> values) {
        checkOptionName(option);
        checkLoaded();
        return put(option, values, knownVersion(option));
    }

    @Override
    public ConfigOption set(ConfigOption basis, Map<String, ?> values) {
        Objects.requireNonNull(basis, "basis");
        if (!settings.optimisticLocking()) {
            throw new IllegalStateException("Config store '" + settings.name()
                    + "' has no optimistic locking: set " + StoreSettings.prefix(settings.name())
                    + "optimistic-locking=true to write conditionally on a version, or use set(option, values)");
        }
        checkOptionName(basis.name());
        checkLoaded();
        return put(basis.name(), values, basis.version());
    }

    private ConfigOption put(String option, Map<String, ?> values, long expectedVersion) {
        Map<String, Object> item = new LinkedHashMap<>(checkValues(option, values));
        item.put(settings.storeKeyAttribute(), settings.storeName());
        item.put(settings.optionKeyAttribute(), option);
        WriteOptions write = WriteOptions.defaults();
        if (settings.optimisticLocking()) {
            item.put(settings.versionAttribute(), expectedVersion + 1);
            write = versionCondition(expectedVersion);
        }
        Map<String, Object> normalized = checkMarshals(option, item);
        WriteOptions options = write;
        return write(option, expectedVersion, () -> {
            documents.putItem(settings.tableName(), item, options);
            return normalized;
        });
    }

    /**
     * Sends a write, turns DynamoDB's refusals into the store's exceptions, and serves the option as written.
     *
     * @param send returns the item as it is after the write
     */
    private ConfigOption write(String option, long expectedVersion, Supplier<Map<String, Object>> send) {
        Map<String, Object> after;
        try {
            after = send.get();
        } catch (ConditionalCheckFailedException e) {
            throw conflict(option, expectedVersion, e);
        } catch (ResourceNotFoundException e) {
            throw tableGone(e);
        } catch (DynamoDbException e) {
            throw rejected(option, e);
        }
        ConfigOption written = toOption(after);
        wrote(option, written);
        return written;
    }

    @Override
    public ConfigOption update(String option, Map<String, ?> values) {
        checkOptionName(option);
        Map<String, ?> checked = checkValues(option, values);
        checkMarshals(option, checked);
        if (checked.isEmpty()) {
            throw new InvalidConfigOptionException(settings.name(), option, "Option '" + option
                    + "' of config store '" + settings.name()
                    + "': update needs at least one value; use set to replace all values, delete to remove the option");
        }
        checkLoaded();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Object> placeholders = new LinkedHashMap<>();
        List<String> assignments = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, ?> value : checked.entrySet()) {
            names.put("#k" + i, value.getKey());
            placeholders.put(":v" + i, value.getValue());
            assignments.add("#k" + i + " = :v" + i);
            i++;
        }
        long expected = 0;
        WriteOptions write = WriteOptions.returning(ReturnValue.ALL_NEW);
        if (settings.optimisticLocking()) {
            expected = knownVersion(option);
            WriteOptions condition = versionCondition(expected);
            names.putAll(condition.expressionNames());
            placeholders.putAll(condition.expressionValues());
            names.put("#version", settings.versionAttribute());
            placeholders.put(":next", expected + 1);
            assignments.add("#version = :next");
            write = write.condition(condition.conditionExpression().orElseThrow());
        }
        WriteOptions options = write.names(names).values(placeholders);
        String expression = "SET " + String.join(", ", assignments);
        return write(option, expected,
                () -> documents.updateItem(settings.tableName(), key(option), expression, options).orElseThrow());
    }

    @Override
    public void delete(String option) {
        checkOptionName(option);
        checkLoaded();
        long expected = 0;
        WriteOptions write = WriteOptions.defaults();
        if (settings.optimisticLocking()) {
            expected = knownVersion(option);
            write = versionCondition(expected);
        }
        try {
            documents.deleteItem(settings.tableName(), key(option), write);
        } catch (ConditionalCheckFailedException e) {
            throw conflict(option, expected, e);
        } catch (ResourceNotFoundException e) {
            throw tableGone(e);
        }
        wrote(option, null);
    }

    /** The version the next write of the option is based on: what this store last saw of it. */
    private long knownVersion(String option) {
        if (!settings.optimisticLocking()) {
            return 0;
        }
        if (settings.inMemory()) {
            ConfigOption known = snapshot().options.get(option);
            return known == null ? 0 : known.version();
        }
        return seenVersions.getOrDefault(option, 0L);
    }

    /** Version 0: the option has no version yet (missing, or written without locking); else exactly that version. */
    private WriteOptions versionCondition(long expectedVersion) {
        if (expectedVersion == 0) {
            return WriteOptions.when("attribute_not_exists(#version)").name("#version", settings.versionAttribute());
        }
        return WriteOptions.when("#version = :expected").name("#version", settings.versionAttribute())
                .value(":expected", expectedVersion);
    }

    private ConfigStoreConflictException conflict(String option, long expectedVersion, RuntimeException cause) {
        // learn the version that won, so that the caller's next attempt is based on it
        try {
            ConfigOption current = readOption(option);
            if (settings.inMemory()) {
                replaceOne(option, current, true);
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        return new ConfigStoreConflictException(settings.name(), option, expectedVersion, cause);
    }

    private ConfigStoreTableException tableGone(RuntimeException cause) {
        return new ConfigStoreTableException(settings.name(), settings.tableName(),
                ConfigStoreTableException.Problem.NOT_READY, "Table '" + settings.tableName() + "' of config store '"
                        + settings.name() + "' does not exist (any more); nothing was written",
                cause);
    }

    private RuntimeException rejected(String option, DynamoDbException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if ("ValidationException".equals(code)) {
            return new InvalidConfigOptionException(settings.name(), option, "Option '" + option
                    + "' of config store '" + settings.name()
                    + "' was rejected by DynamoDB, nothing was written: " + e.awsErrorDetails().errorMessage()
                    + " (an item, key attributes included, holds at most 400 KB)", e);
        }
        return e;
    }

    private void wrote(String option, ConfigOption written) {
        if (settings.optimisticLocking() && !settings.inMemory()) {
            if (written == null) {
                seenVersions.remove(option);
            } else {
                seenVersions.put(option, written.version());
            }
        }
        if (settings.inMemory()) {
            replaceOne(option, written, false);
        }
    }

    private void replaceOne(String option, ConfigOption current, boolean fireChange) {
        ConfigStoreChange change = null;
        synchronized (lock) {
            Snapshot before = snapshot();
            ConfigOption previous = before.options.get(option);
            if (sameOption(previous, current)) {
                return;
            }
            if (settings.optimisticLocking() && previous != null && current != null
                    && current.version() < previous.version()) {
                // a write that landed earlier finishing after a later one: memory keeps the newer version
                return;
            }
            Map<String, ConfigOption> options = new HashMap<>(before.options);
            if (current == null) {
                options.remove(option);
            } else {
                options.put(option, current);
            }
            if (reloadsRunning > 0) {
                localWrites.put(option, new LocalWrite(++writeSequence, current));
            }
            install(Snapshot.of(options.values()));
            if (fireChange) {
                change = change(option, previous, current);
            }
        }
        if (change != null) {
            changes.accept(change);
        }
    }

    // ---- loading

    /**
     * Reads every option and serves them from now on; fires a change for each option added, changed or removed since
     * the previous load (none on the first).
     */
    @Override
    public void reload() {
        if (settings.inMemory()) {
            load(null).forEach(changes);
        }
    }

    /**
     * Reads every option and installs them; returns the changes found, to be fired by the caller.
     *
     * @param read runs once the options are read, before they are installed (null: nothing)
     */
    private List<ConfigStoreChange> load(Runnable read) {
        long startedAt;
        synchronized (lock) {
            reloadsRunning++;
            startedAt = writeSequence;
        }
        List<ConfigStoreChange> found = new ArrayList<>();
        try {
            List<ConfigOption> all = readAll();
            if (read != null) {
                read.run();
            }
            synchronized (lock) {
                Map<String, ConfigOption> options = new HashMap<>();
                for (ConfigOption option : all) {
                    options.put(option.name(), option);
                }
                // writes through the store that the query may have missed
                for (Map.Entry<String, LocalWrite> write : localWrites.entrySet()) {
                    if (write.getValue().sequence > startedAt) {
                        if (write.getValue().option == null) {
                            options.remove(write.getKey());
                        } else {
                            options.put(write.getKey(), write.getValue().option);
                        }
                    }
                }
                Snapshot before = snapshot;
                if (before != null) {
                    found = diff(before.options, options);
                }
                install(Snapshot.of(options.values()));
            }
        } finally {
            synchronized (lock) {
                if (--reloadsRunning == 0) {
                    localWrites.clear();
                }
            }
        }
        return found;
    }

    /**
     * A periodic refresh: a reload that keeps serving the last values when DynamoDB fails, with one warning per outage
     * and one message when it is over.
     *
     * @return whether the refresh succeeded
     */
    boolean refresh() {
        List<ConfigStoreChange> found;
        try {
            // the end of an outage is logged before the values are served, so that it is in the log by the time the
            // values can be seen
            found = load(this::outageOver);
        } catch (RuntimeException e) {
            if (!outage) {
                outage = true;
                LOG.warnf("Config store '%s' could not be refreshed from table '%s' (%s); it keeps serving its last"
                        + " values and retries every %s", settings.name(), settings.tableName(), e.toString(),
                        settings.refreshInterval());
            } else {
                LOG.debugf(e, "Config store '%s' still cannot be refreshed", settings.name());
            }
            return false;
        }
        for (ConfigStoreChange change : found) {
            try {
                changes.accept(change);
            } catch (RuntimeException e) {
                LOG.errorf(e, "An observer of %s failed", change);
            }
        }
        return true;
    }

    private void outageOver() {
        if (outage) {
            outage = false;
            LOG.infof("Config store '%s' is refreshed from table '%s' again", settings.name(), settings.tableName());
        }
    }

    /** Whether the last periodic refresh failed. */
    public boolean inOutage() {
        return outage;
    }

    /**
     * The configuration source first, then the store's memory, and no event before both (see "When a change is seen"
     * in config-stores.adoc): whoever sees a new value through {@code get} sees it through MicroProfile Config too,
     * and an observer sees it through both.
     */
    private void install(Snapshot next) {
        loaded.accept(next.options);
        snapshot = next;
    }

    private List<ConfigStoreChange> diff(Map<String, ConfigOption> before, Map<String, ConfigOption> after) {
        List<ConfigStoreChange> found = new ArrayList<>();
        for (ConfigOption old : before.values()) {
            ConfigStoreChange change = change(old.name(), old, after.get(old.name()));
            if (change != null) {
                found.add(change);
            }
        }
        for (ConfigOption added : after.values()) {
            if (!before.containsKey(added.name())) {
                found.add(change(added.name(), null, added));
            }
        }
        return found;
    }

    private ConfigStoreChange change(String option, ConfigOption before, ConfigOption after) {
        if (before == null && after == null) {
            return null;
        }
        if (before == null) {
            return new ConfigStoreChange(settings.name(), option, ConfigStoreChange.Kind.ADDED, Map.of(), after.values());
        }
        if (after == null) {
            return new ConfigStoreChange(settings.name(), option, ConfigStoreChange.Kind.REMOVED, before.values(),
                    Map.of());
        }
        if (ValuesEquality.same(before.values(), after.values())) {
            return null;
        }
        return new ConfigStoreChange(settings.name(), option, ConfigStoreChange.Kind.CHANGED, before.values(),
                after.values());
    }

    private static boolean sameOption(ConfigOption a, ConfigOption b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.version() == b.version() && ValuesEquality.same(a.values(), b.values());
    }

    // ---- checks

    private Map<String, Object> key(String option) {
        Map<String, Object> key = new LinkedHashMap<>(storeKey);
        key.put(settings.optionKeyAttribute(), option);
        return key;
    }

    private void checkOptionName(String option) {
        if (option == null || option.isEmpty()) {
            throw new InvalidConfigOptionException(settings.name(), option,
                    "Config store '" + settings.name() + "': an option name must not be empty");
        }
        if (option.length() <= ALWAYS_SHORT_ENOUGH) {
            return;
        }
        int bytes = option.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > StoreSettings.MAX_OPTION_NAME_BYTES) {
            throw new InvalidConfigOptionException(settings.name(), option, "Config store '" + settings.name()
                    + "': option name '" + option.substring(0, 40) + "...' is " + bytes
                    + " bytes long; DynamoDB allows at most " + StoreSettings.MAX_OPTION_NAME_BYTES
                    + " (UTF-8) in a range key: choose a shorter name");
        }
    }

    private Map<String, ?> checkValues(String option, Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        for (String key : values.keySet()) {
            if (key == null || key.isEmpty()) {
                throw new InvalidConfigOptionException(settings.name(), option, "Option '" + option
                        + "' of config store '" + settings.name() + "': a value's key must not be empty");
            }
            if (key.equals(settings.storeKeyAttribute()) || key.equals(settings.optionKeyAttribute())
                    || key.equals(settings.versionAttribute())) {
                throw new InvalidConfigOptionException(settings.name(), option, "Option '" + option
                        + "' of config store '" + settings.name() + "': '" + key + "' is the store's "
                        + (key.equals(settings.versionAttribute()) ? "version"
                                : "key")
                        + " attribute and cannot be a value's key");
            }
        }
        return values;
    }

    /**
     * Marshals before anything is sent, so that a value DynamoDB cannot hold is named with its option.
     *
     * @return the values as DynamoDB gives them back (numbers as {@code Long} or {@code BigDecimal}, ...)
     */
    private Map<String, Object> checkMarshals(String option, Map<String, ?> item) {
        try {
            return AttributeValues.fromItem(AttributeValues.toItem(item));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigOptionException(settings.name(), option, "Option '" + option
                    + "' of config store '" + settings.name() + "' cannot be written, nothing was: " + e.getMessage(),
                    e);
        }
    }

    /** Runs once the table is ready, at start-up: the first load of an in-memory store. */
    void start() {
        if (settings.inMemory()) {
            load(null);
        }
    }

    private record LocalWrite(long sequence, ConfigOption option) {
    }

    /** The options by name (for lookups) and their values sorted by name (for getAll), both unmodifiable. */
    static final class Snapshot {

        final Map<String, ConfigOption> options;
        final Map<String, Map<String, Object>> values;

        private Snapshot(Map<String, ConfigOption> options, Map<String, Map<String, Object>> values) {
            this.options = options;
            this.values = values;
        }

        static Snapshot of(Iterable<ConfigOption> all) {
            HashMap<String, ConfigOption> options = new HashMap<>();
            TreeMap<String, Map<String, Object>> values = new TreeMap<>();
            for (ConfigOption option : all) {
                options.put(option.name(), option);
                values.put(option.name(), option.values());
            }
            return new Snapshot(Collections.unmodifiableMap(options), Collections.unmodifiableMap(values));
        }
    }
}
