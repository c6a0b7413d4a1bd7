package io.dynamokit.runtime.configstore;

import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.enterprise.inject.Default;

import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.configstore.ConfigStoreName;
import io.dynamokit.runtime.config.DynamoKitConfig;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;

/**
 * The application's config stores, by configured name: for start-up, the readiness check and the Dev UI.
 */
public final class ConfigStoreRegistry {

    private final List<String> names;

    public ConfigStoreRegistry(List<String> names) {
        this.names = List.copyOf(names);
    }

    public List<String> names() {
        return names;
    }

    /** The stores, by configured name, in configuration order. */
    public Map<String, DefaultConfigStore> stores() {
        Map<String, DefaultConfigStore> stores = new LinkedHashMap<>();
        for (String name : names) {
            stores.put(name, store(name));
        }
        return stores;
    }

    /** The stores' tables, by their names in DynamoDB, sorted, without repeats. */
    public SortedSet<String> tableNames() {
        SortedSet<String> tables = new TreeSet<>();
        for (DefaultConfigStore store : stores().values()) {
            tables.add(store.tableName());
        }
        return tables;
    }

    static DefaultConfigStore store(String name) {
        ConfigStore bean = Arc.container().select(ConfigStore.class, qualifier(name)).get();
        return (DefaultConfigStore) ClientProxy.unwrap(bean);
    }

    static Annotation qualifier(String name) {
        return DynamoKitConfig.DEFAULT_STORE.equals(name) ? Default.Literal.INSTANCE : ConfigStoreName.Literal.of(name);
    }
}
