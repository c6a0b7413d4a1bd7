package io.dynamokit.runtime.configstore;

import java.util.Map;
import java.util.function.Consumer;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.configstore.ConfigStoreChange;
import io.dynamokit.document.DocumentClient;

/**
 * Mode {@code direct}: every read goes to DynamoDB (a consistent {@code GetItem}, one paged {@code Query} for
 * {@code getAll}); nothing is kept but the versions seen, which the next writes are conditional on.
 */
public final class DirectConfigStore extends DefaultConfigStore {

    private final SeenVersions seen;

    public DirectConfigStore(StoreSettings settings, DocumentClient documents, Consumer<ConfigStoreChange> changes) {
        super(settings, documents, changes);
        this.seen = new SeenVersions(settings.optimisticLocking());
    }

    @Override
    public Map<String, Map<String, Object>> getAll() {
        return StoreSnapshot.of(items.readAll()).values;
    }

    /** Nothing to reload: every read is fresh. */
    @Override
    public void reload() {
    }

    @Override
    ConfigOption find(String option) {
        ConfigOption read = items.read(option);
        seen.saw(option, read);
        return read;
    }

    @Override
    long knownVersion(String option) {
        return seen.of(option);
    }

    @Override
    void beforeWrite() {
    }

    @Override
    void wrote(String option, ConfigOption written) {
        seen.saw(option, written);
    }

    @Override
    void learned(String option, ConfigOption current) {
        seen.saw(option, current);
    }

    @Override
    void start() {
    }
}
