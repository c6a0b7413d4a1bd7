package io.dynamokit.runtime.table;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.dynamokit.runtime.configstore.ConfigStoreRegistry;
import io.dynamokit.table.TableManager;
import io.dynamokit.table.TableStatus;
import io.quarkus.arc.ClientProxy;

/**
 * Ready when every declared table, and every config store's table, is ACTIVE with all its global secondary indexes;
 * reports each table's status under its name in DynamoDB. Registered only when the application has Quarkus SmallRye
 * Health.
 */
@Readiness
@ApplicationScoped
public class TablesHealthCheck implements HealthCheck {

    static final String NAME = "DynamoKit tables";

    @Inject
    TableManager tables;

    @Inject
    Instance<ConfigStoreRegistry> configStores;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        Map<String, TableStatus> statuses = new TreeMap<>();
        try {
            for (Map.Entry<String, TableStatus> status : tables.status().entrySet()) {
                statuses.put(tables.tableName(status.getKey()), status.getValue());
            }
            if (configStores.isResolvable()) {
                DefaultTableManager manager = (DefaultTableManager) ClientProxy.unwrap(tables);
                for (String table : configStores.get().tableNames()) {
                    if (!statuses.containsKey(table)) {
                        statuses.put(table, DefaultTableManager.statusOf(manager.describe(table)));
                    }
                }
            }
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
        boolean up = true;
        for (Map.Entry<String, TableStatus> status : statuses.entrySet()) {
            response.withData(status.getKey(), status.getValue().name());
            up &= status.getValue() == TableStatus.RUNNING;
        }
        return response.status(up).build();
    }
}
