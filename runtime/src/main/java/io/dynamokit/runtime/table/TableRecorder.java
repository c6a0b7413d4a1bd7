package io.dynamokit.runtime.table;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import io.dynamokit.runtime.client.ClientSettings;
import io.dynamokit.runtime.config.DynamoKitConfig;
import io.dynamokit.runtime.config.TablesConfig;
import io.dynamokit.table.SchemaManagement;
import io.dynamokit.table.TableManager;
import io.quarkus.arc.Arc;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigUtils;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Creates the {@link DeclaredTables} and {@link TableManager} beans and applies
 * {@code quarkus.dynamokit.schema-management} at start-up.
 */
@Recorder
public class TableRecorder {

    private final RuntimeValue<DynamoKitConfig> config;

    public TableRecorder(RuntimeValue<DynamoKitConfig> config) {
        this.config = config;
    }

    public Function<SyntheticCreationalContext<DeclaredTables>, DeclaredTables> declaredTables(
            ScheduledExecutorService executor) {
        return new Function<SyntheticCreationalContext<DeclaredTables>, DeclaredTables>() {
            @Override
            public DeclaredTables apply(SyntheticCreationalContext<DeclaredTables> context) {
                DynamoKitConfig dynamoKit = config.getValue();
                return new DeclaredTables(context.getInjectedReference(DynamoDbClient.class),
                        TableDeclarations.definitions(dynamoKit), executor,
                        dynamoKit.declarativeTables().schemaManagementTimeout());
            }
        };
    }

    public Function<SyntheticCreationalContext<TableManager>, TableManager> tableManager() {
        return new Function<SyntheticCreationalContext<TableManager>, TableManager>() {
            @Override
            public TableManager apply(SyntheticCreationalContext<TableManager> context) {
                return new DefaultTableManager(context.getInjectedReference(DeclaredTables.class));
            }
        };
    }

    /**
     * Checks the declarations (with the rest of DynamoKit's configuration, so that every problem is reported at once),
     * then applies the strategy. Without declared tables or with {@code none}, no DynamoDB client is even created.
     */
    public void manageSchema() {
        DynamoKitConfig dynamoKit = config.getValue();
        ClientSettings.validate(dynamoKit);
        TablesConfig tables = dynamoKit.declarativeTables();
        if (tables.tables().isEmpty() || tables.schemaManagement() == SchemaManagement.NONE) {
            return;
        }
        Arc.container().instance(DeclaredTables.class).get()
                .manageSchema(tables.schemaManagement(), isProduction(), tables.allowDropAndCreateInProd());
    }

    /** The prod profile, or any profile of an application started in production mode (java -jar, native). */
    public static boolean isProduction() {
        return LaunchMode.current() == LaunchMode.NORMAL || ConfigUtils.getProfiles().contains("prod");
    }
}
