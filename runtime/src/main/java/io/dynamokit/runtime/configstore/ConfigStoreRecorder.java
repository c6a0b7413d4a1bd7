package io.dynamokit.runtime.configstore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import org.eclipse.microprofile.config.ConfigProvider;

import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.runtime.config.DynamoKitConfig;
import io.dynamokit.runtime.config.Production;
import io.quarkus.arc.Arc;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Creates the registry of the config stores and their beans, and at start-up prepares their tables, loads them and
 * starts the periodic refresh.
 */
@Recorder
public class ConfigStoreRecorder {

    private final RuntimeValue<DynamoKitConfig> config;

    public ConfigStoreRecorder(RuntimeValue<DynamoKitConfig> config) {
        this.config = config;
    }

    /** The registry of this application start: it creates and keeps the stores. */
    public Function<SyntheticCreationalContext<ConfigStoreRegistry>, ConfigStoreRegistry> registry(List<String> names,
            ScheduledExecutorService executor) {
        return new Function<SyntheticCreationalContext<ConfigStoreRegistry>, ConfigStoreRegistry>() {
            @Override
            public ConfigStoreRegistry apply(SyntheticCreationalContext<ConfigStoreRegistry> context) {
                return new ConfigStoreRegistry(names, config.getValue(), Production.isCurrent(),
                        context.getInjectedReference(DynamoDbClient.class), executor, ConfigProvider.getConfig());
            }
        };
    }

    /** A store's bean: the registry's store of that name. */
    public Function<SyntheticCreationalContext<ConfigStore>, ConfigStore> store(String name) {
        return new Function<SyntheticCreationalContext<ConfigStore>, ConfigStore>() {
            @Override
            public ConfigStore apply(SyntheticCreationalContext<ConfigStore> context) {
                return context.getInjectedReference(ConfigStoreRegistry.class).store(name);
            }
        };
    }

    /**
     * Checks every store's configuration (all problems at once), then prepares each store's table, loads the in-memory
     * stores and starts refreshing the periodic ones.
     */
    public void start(List<String> names, ScheduledExecutorService executor, ShutdownContext shutdown) {
        DynamoKitConfig dynamoKit = config.getValue();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            try {
                StoreSettings.of(name, dynamoKit, Production.isCurrent());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        PeriodicRefresher refresher = new PeriodicRefresher(executor);
        shutdown.addShutdownTask(refresher::stop);
        // a @Singleton: the registry itself, no client proxy in between
        ConfigStoreRegistry registry = Arc.container().instance(ConfigStoreRegistry.class).get();
        for (String name : names) {
            DefaultConfigStore store = registry.store(name);
            StoreTable.prepare(store.settings(), registry.dynamoDb());
            store.start();
            if (store instanceof PeriodicConfigStore periodic) {
                refresher.add(periodic);
            }
        }
    }
}
