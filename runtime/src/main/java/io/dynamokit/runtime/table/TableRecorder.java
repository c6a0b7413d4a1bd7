package io.dynamokit.runtime.table;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import io.dynamokit.runtime.config.DynamoKitConfig;
import io.dynamokit.runtime.config.Production;
import io.dynamokit.runtime.config.TablesConfig;
import io.dynamokit.table.SchemaManagement;
import io.dynamokit.table.TableManager;
import io.quarkus.arc.Arc;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
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

    /** The declarations, checked once at start-up. */
    public RuntimeValue<TableDeclarations> declarations() {
        return new RuntimeValue<>(TableDeclarations.of(config.getValue()));
    }

    /** Every problem of the declarations, for the one report of DynamoKit's configuration problems. */
    public RuntimeValue<List<String>> problems(RuntimeValue<TableDeclarations> declarations) {
        return new RuntimeValue<>(declarations.getValue().problems());
    }

    public Function<SyntheticCreationalContext<DeclaredTables>, DeclaredTables> declaredTables(
            RuntimeValue<TableDeclarations> declarations, ScheduledExecutorService executor) {
        return new Function<SyntheticCreationalContext<DeclaredTables>, DeclaredTables>() {
            @Override
            public DeclaredTables apply(SyntheticCreationalContext<DeclaredTables> context) {
                return new DeclaredTables(context.getInjectedReference(DynamoDbClient.class),
                        declarations.getValue().definitions(), executor,
                        config.getValue().declarativeTables().schemaManagementTimeout());
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
     * Applies the strategy, once the configuration has been found valid. Without declared tables or with
     * {@code none}, no DynamoDB client is even created.
     */
    public void manageSchema() {
        TablesConfig tables = config.getValue().declarativeTables();
        if (tables.tables().isEmpty() || tables.schemaManagement() == SchemaManagement.NONE) {
            return;
        }
        Arc.container().instance(DeclaredTables.class).get()
                .manageSchema(tables.schemaManagement(), Production.isCurrent(), tables.allowDropAndCreateInProd());
    }
}
