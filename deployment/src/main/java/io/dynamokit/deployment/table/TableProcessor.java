package io.dynamokit.deployment.table;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;

import io.dynamokit.deployment.ConfigurationCheckedBuildItem;
import io.dynamokit.deployment.ConfigurationProblemsBuildItem;
import io.dynamokit.deployment.DynamoKitBuildTimeConfig;
import io.dynamokit.runtime.table.DeclaredTables;
import io.dynamokit.runtime.table.TableDeclarations;
import io.dynamokit.runtime.table.TableRecorder;
import io.dynamokit.table.TableManager;
import io.quarkiverse.amazon.common.deployment.RequireAmazonClientInjectionBuildItem;
import io.quarkiverse.amazon.common.runtime.ClientUtil;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Produce;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ExecutorBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Declarative tables: the {@link TableManager} bean, and the internal {@link DeclaredTables} it is built on, over the
 * default {@code DynamoDbClient}; schema management at start-up (before the application's {@code StartupEvent}
 * observers); and the readiness check.
 * <p>
 * Tables are run time configuration, so these are registered whether or not tables are declared; without declared
 * tables nothing runs and no DynamoDB client is created.
 */
public class TableProcessor {

    static final DotName SYNC_CLIENT = DotName.createSimple(DynamoDbClient.class);
    static final DotName DECLARED_TABLES = DotName.createSimple(DeclaredTables.class);
    /** The properties whose problems the tables report: the declarations and their settings. */
    static final String TABLES_PREFIX = "quarkus.dynamokit.tables.";
    /** By name: the class needs MicroProfile Health, which only applications with SmallRye Health have. */
    static final String HEALTH_CHECK = "io.dynamokit.runtime.table.TablesHealthCheck";

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    ConfigurationProblemsBuildItem tableManager(TableRecorder recorder, ExecutorBuildItem executor,
            BuildProducer<SyntheticBeanBuildItem> beans,
            BuildProducer<RequireAmazonClientInjectionBuildItem> sdkClients) {
        RuntimeValue<TableDeclarations> declarations = recorder.declarations();
        sdkClients.produce(new RequireAmazonClientInjectionBuildItem(SYNC_CLIENT, ClientUtil.DEFAULT_CLIENT_NAME));
        // a singleton, not a client proxy: start-up and the Dev UI use the internal type itself
        beans.produce(SyntheticBeanBuildItem.configure(DeclaredTables.class)
                .scope(Singleton.class)
                .setRuntimeInit()
                .unremovable()
                .addInjectionPoint(ClassType.create(SYNC_CLIENT))
                .createWith(recorder.declaredTables(declarations, executor.getExecutorProxy()))
                .done());
        beans.produce(SyntheticBeanBuildItem.configure(TableManager.class)
                .scope(ApplicationScoped.class)
                .setRuntimeInit()
                .unremovable()
                .addInjectionPoint(ClassType.create(DECLARED_TABLES))
                .createWith(recorder.tableManager())
                .done());
        return new ConfigurationProblemsBuildItem(TABLES_PREFIX, recorder.problems(declarations));
    }

    /**
     * After the configuration is found valid, and once the synthetic beans, the DynamoDB clients among them, can be
     * created.
     */
    @BuildStep
    @Consume(ConfigurationCheckedBuildItem.class)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    @Record(ExecutionTime.RUNTIME_INIT)
    @Produce(TablesManagedBuildItem.class)
    ServiceStartBuildItem manageSchema(TableRecorder recorder) {
        recorder.manageSchema();
        return new ServiceStartBuildItem("dynamokit-tables");
    }

    @BuildStep
    HealthBuildItem readinessCheck(DynamoKitBuildTimeConfig config) {
        return new HealthBuildItem(HEALTH_CHECK, config.healthEnabled());
    }
}
