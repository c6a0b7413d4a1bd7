package io.dynamokit.deployment.configstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Type;

import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.configstore.ConfigStoreName;
import io.dynamokit.deployment.table.TablesManagedBuildItem;
import io.dynamokit.runtime.config.DynamoKitConfig;
import io.dynamokit.runtime.configstore.ConfigStoreConfigBuilder;
import io.dynamokit.runtime.configstore.ConfigStoreProperties;
import io.dynamokit.runtime.configstore.ConfigStoreProperties.StoreProperty;
import io.dynamokit.runtime.configstore.ConfigStoreRecorder;
import io.dynamokit.runtime.configstore.ConfigStoreRegistry;
import io.dynamokit.runtime.configstore.StoreSettings;
import io.dynamokit.runtime.table.ReportedTables;
import io.quarkiverse.amazon.common.deployment.RequireAmazonClientInjectionBuildItem;
import io.quarkiverse.amazon.common.runtime.ClientUtil;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanRegistrationPhaseBuildItem;
import io.quarkus.arc.deployment.ConfigPropertyBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.arc.processor.DotNames;
import io.quarkus.arc.processor.InjectionPointInfo;
import io.quarkus.builder.item.SimpleBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ExecutorBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigBuilderBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Config stores: a {@link ConfigStore} bean for each store configured under {@code quarkus.dynamokit.config-stores}
 * (found by its property names at build time), the configuration source of the stores that ask for one, and the
 * start-up that prepares their tables and loads them, after schema management and before the application's
 * {@code StartupEvent} observers.
 * <p>
 * Injecting a store that is not configured fails the build, naming the property to set.
 */
public class ConfigStoreProcessor {

    static final DotName CONFIG_STORE = DotName.createSimple(ConfigStore.class);
    static final DotName CONFIG_STORE_NAME = DotName.createSimple(ConfigStoreName.class);
    static final DotName SYNC_CLIENT = DotName.createSimple(DynamoDbClient.class);
    static final DotName REGISTRY = DotName.createSimple(ConfigStoreRegistry.class);
    private static final Type STRING = ClassType.create(DotName.createSimple(String.class));

    /** The configured stores' names, sorted, so that the recorded start-up code is stable. */
    public static final class ConfigStoresBuildItem extends SimpleBuildItem {

        private final List<String> names;

        ConfigStoresBuildItem(List<String> names) {
            this.names = List.copyOf(names);
        }

        public List<String> names() {
            return names;
        }
    }

    /** Makes {@link ConfigStoreName} known to ArC as a qualifier. */
    @BuildStep
    AdditionalBeanBuildItem qualifier() {
        return new AdditionalBeanBuildItem(ConfigStoreName.class);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    ConfigStoresBuildItem stores(BeanRegistrationPhaseBuildItem beanRegistration, ConfigStoreRecorder recorder,
            ExecutorBuildItem executor, BuildProducer<SyntheticBeanBuildItem> beans,
            BuildProducer<RequireAmazonClientInjectionBuildItem> sdkClients,
            BuildProducer<RunTimeConfigBuilderBuildItem> configBuilders) {
        Set<String> configured = configuredStores(ConfigProvider.getConfig());
        Map<String, String> injected = injectedStores(beanRegistration);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> store : injected.entrySet()) {
            if (!configured.contains(store.getKey())) {
                missing.add("config store " + describe(store.getKey()) + " is injected into " + store.getValue()
                        + " but not configured: set " + StoreSettings.prefix(store.getKey())
                        + "table=<table name> in application.properties");
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException(String.join("\n", missing));
        }
        List<String> names = new ArrayList<>(configured);
        if (!names.isEmpty()) {
            sdkClients.produce(new RequireAmazonClientInjectionBuildItem(SYNC_CLIENT, ClientUtil.DEFAULT_CLIENT_NAME));
            configBuilders.produce(new RunTimeConfigBuilderBuildItem(ConfigStoreConfigBuilder.class));
            // the registry creates and keeps the stores of this start; each store's bean is the registry's store
            beans.produce(SyntheticBeanBuildItem.configure(ConfigStoreRegistry.class)
                    .types(ConfigStoreRegistry.class, ReportedTables.class)
                    .scope(Singleton.class)
                    .setRuntimeInit()
                    .unremovable()
                    .addInjectionPoint(ClassType.create(SYNC_CLIENT))
                    .createWith(recorder.registry(names, executor.getExecutorProxy()))
                    .done());
        }
        for (String name : names) {
            SyntheticBeanBuildItem.ExtendedBeanConfigurator bean = SyntheticBeanBuildItem.configure(ConfigStore.class)
                    .scope(ApplicationScoped.class)
                    .setRuntimeInit()
                    .unremovable()
                    .addInjectionPoint(ClassType.create(REGISTRY))
                    .createWith(recorder.store(name));
            if (DynamoKitConfig.DEFAULT_STORE.equals(name)) {
                bean.defaultBean().addQualifier(DotNames.DEFAULT);
            } else {
                bean.addQualifier().annotation(CONFIG_STORE_NAME).addValue("value", name).done();
            }
            beans.produce(bean.done());
        }
        return new ConfigStoresBuildItem(names);
    }

    /**
     * After the synthetic beans and after schema management, which may have created the stores' tables; before the
     * validation of {@code @ConfigProperty} injection points, which may need options only a store has.
     */
    @BuildStep
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    @Consume(TablesManagedBuildItem.class)
    @Record(ExecutionTime.RUNTIME_INIT)
    ServiceStartBuildItem start(ConfigStoresBuildItem stores, ConfigStoreRecorder recorder, ExecutorBuildItem executor,
            ShutdownContextBuildItem shutdown, BuildProducer<ConfigPropertyBuildItem> validatedAfterLoading) {
        if (!stores.names().isEmpty()) {
            recorder.start(stores.names(), executor.getExecutorProxy(), shutdown);
            // Quarkus checks that every injected @ConfigProperty has a value in a step that consumes these items, so
            // producing one makes that check run after this step: with the stores' options already loaded. Without
            // it, the two steps are independent and their order at start-up is a matter of build-thread timing.
            for (String name : stores.names()) {
                validatedAfterLoading.produce(ConfigPropertyBuildItem.runtimeInit(
                        StoreSettings.prefix(name) + "config-source.enabled", STRING, "false"));
            }
        }
        return new ServiceStartBuildItem("dynamokit-config-stores");
    }

    /**
     * The stores with a property in the build's configuration: {@code quarkus.dynamokit.config-stores.table} is the
     * unnamed store's, {@code quarkus.dynamokit.config-stores."flags".table} the store {@code flags}'s.
     */
    static Set<String> configuredStores(Config config) {
        Set<String> stores = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            StoreProperty parsed = ConfigStoreProperties.parse(property);
            if (parsed != null
                    && config.getConfigValue(ConfigStoreProperties.withoutProfile(property)).getValue() != null) {
                stores.add(parsed.store());
            }
        }
        return stores;
    }

    /** Store name to where it is injected. */
    private static Map<String, String> injectedStores(BeanRegistrationPhaseBuildItem beanRegistration) {
        Map<String, String> stores = new TreeMap<>();
        for (InjectionPointInfo injectionPoint : beanRegistration.getInjectionPoints()) {
            if (injectionPoint.isSynthetic() || !CONFIG_STORE.equals(injectionPoint.getRequiredType().name())) {
                continue;
            }
            AnnotationInstance named = injectionPoint.getRequiredQualifier(CONFIG_STORE_NAME);
            String name = named == null ? DynamoKitConfig.DEFAULT_STORE : named.value().asString();
            stores.putIfAbsent(name, injectionPoint.getTargetInfo());
        }
        return stores;
    }

    private static String describe(String name) {
        return DynamoKitConfig.DEFAULT_STORE.equals(name) ? "(the unnamed one, @Inject ConfigStore)"
                : "@ConfigStoreName(\"" + name + "\")";
    }
}
