package io.dynamokit.runtime.configstore;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Default;

import org.eclipse.microprofile.config.Config;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.configstore.ConfigStoreChange;
import io.dynamokit.configstore.ConfigStoreName;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.runtime.config.DynamoKitConfig;
import io.dynamokit.runtime.document.DefaultDocumentClient;
import io.dynamokit.runtime.document.DocumentSettings;
import io.dynamokit.runtime.table.ReportedTables;
import io.quarkus.arc.Arc;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The config stores of one application start, by configured name: creates each store once, for its bean and for
 * start-up, and reports their tables to the readiness check. Everything a store is wired to comes from this start (its configuration, its
 * client, its configuration source in this start's {@link Config}), so that two applications in one JVM never share a
 * store.
 */
public final class ConfigStoreRegistry implements ReportedTables {

    private final List<String> names;
    private final DynamoKitConfig dynamoKit;
    private final boolean production;
    private final DynamoDbClient dynamoDb;
    private final DocumentClient documents;
    private final Config config;
    private final Map<String, DefaultConfigStore> stores = new HashMap<>();

    /**
     * @param production whether a missing table is left uncreated unless configured (see {@link StoreSettings#of})
     * @param config the configuration of this start, which holds the stores' configuration sources
     */
    public ConfigStoreRegistry(List<String> names, DynamoKitConfig dynamoKit, boolean production,
            DynamoDbClient dynamoDb, ScheduledExecutorService executor, Config config) {
        this.names = List.copyOf(names);
        this.dynamoKit = dynamoKit;
        this.production = production;
        this.dynamoDb = dynamoDb;
        this.documents = new DefaultDocumentClient(dynamoDb, DocumentSettings.of(dynamoKit.document()), executor);
        this.config = config;
    }

    /** The configured stores' names, sorted. */
    public List<String> names() {
        return names;
    }

    /** The SDK client the stores' tables are prepared with. */
    DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /**
     * The store of this name, created on first use.
     *
     * @throws IllegalArgumentException when its settings are wrong, naming each property
     */
    public synchronized DefaultConfigStore store(String name) {
        DefaultConfigStore store = stores.get(name);
        if (store == null) {
            store = create(name);
            stores.put(name, store);
        }
        return store;
    }

    /** The stores, by configured name, in configuration order. */
    public Map<String, DefaultConfigStore> stores() {
        Map<String, DefaultConfigStore> all = new LinkedHashMap<>();
        for (String name : names) {
            all.put(name, store(name));
        }
        return all;
    }

    /** The stores' tables, by their names in DynamoDB, sorted, without repeats: for the readiness check. */
    @Override
    public SortedSet<String> tableNames() {
        SortedSet<String> tables = new TreeSet<>();
        for (DefaultConfigStore store : stores().values()) {
            tables.add(store.tableName());
        }
        return tables;
    }

    private DefaultConfigStore create(String name) {
        StoreSettings settings = StoreSettings.of(name, dynamoKit, production);
        Event<ConfigStoreChange> events = Arc.container().beanManager().getEvent().select(ConfigStoreChange.class,
                qualifier(name));
        StoreConfigSource source = StoreConfigSource.of(config, name);
        Consumer<Map<String, ConfigOption>> loaded = source == null ? options -> {
        } : source::publish;
        return DefaultConfigStore.of(settings, documents, events::fire, loaded);
    }

    static Annotation qualifier(String name) {
        return DynamoKitConfig.DEFAULT_STORE.equals(name) ? Default.Literal.INSTANCE : ConfigStoreName.Literal.of(name);
    }
}
