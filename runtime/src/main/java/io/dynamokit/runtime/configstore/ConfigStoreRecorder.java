package io.dynamokit.runtime.configstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.event.Event;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.configstore.ConfigStoreChange;
import io.dynamokit.runtime.config.DynamoKitConfig;
import io.dynamokit.runtime.document.DocumentSettings;
import io.dynamokit.runtime.document.DefaultDocumentClient;
import io.dynamokit.runtime.table.TableRecorder;
import io.quarkus.arc.Arc;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Creates the config store beans, and at start-up prepares their tables, loads them and starts the periodic refresh.
 */
@Recorder
public class ConfigStoreRecorder {

    private final RuntimeValue<DynamoKitConfig> config;

    public ConfigStoreRecorder(RuntimeValue<DynamoKitConfig> config) {
        this.config = config;
    }

    public Function<SyntheticCreationalContext<ConfigStore>, ConfigStore> store(String name,
            ScheduledExecutorService executor) {
        return new Function<SyntheticCreationalContext<ConfigStore>, ConfigStore>() {
            @Override
            public ConfigStore apply(SyntheticCreationalContext<ConfigStore> context) {
                DynamoKitConfig dynamoKit = config.getValue();
                StoreSettings settings = StoreSettings.of(name, dynamoKit, TableRecorder.isProduction());
                DynamoDbClient client = context.getInjectedReference(DynamoDbClient.class);
                Event<ConfigStoreChange> events = Arc.container().beanManager().getEvent()
                        .select(ConfigStoreChange.class, ConfigStoreRegistry.qualifier(name));
                StoreConfigSource source = ConfigStoreSources.of(name);
                Consumer<Map<String, ConfigOption>> loaded = source == null ? options -> {
                } : source::publish;
                return DefaultConfigStore.of(settings,
                        new DefaultDocumentClient(client, DocumentSettings.of(dynamoKit.document()), executor),
                        events::fire, loaded);
            }
        };
    }

    public Supplier<ConfigStoreRegistry> registry(List<String> names) {
        return new Supplier<ConfigStoreRegistry>() {
            @Override
            public ConfigStoreRegistry get() {
                return new ConfigStoreRegistry(names);
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
                StoreSettings.of(name, dynamoKit, TableRecorder.isProduction());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        PeriodicRefresher refresher = new PeriodicRefresher(executor);
        shutdown.addShutdownTask(refresher::stop);
        for (String name : names) {
            DefaultConfigStore store = ConfigStoreRegistry.store(name);
            StoreTable.prepare(store.settings(), store.documents());
            store.start();
            if (store instanceof PeriodicConfigStore periodic) {
                refresher.add(periodic);
            }
        }
    }
}
