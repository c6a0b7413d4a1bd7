package io.dynamokit.runtime.table;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.dynamokit.table.TableManager;
import io.dynamokit.table.TableStatus;

/**
 * Ready when every declared table is ACTIVE with all its global secondary indexes; reports each table's status under
 * its name in DynamoDB. Registered only when the application has Quarkus SmallRye Health.
 */
@Readiness
@ApplicationScoped
public class TablesHealthCheck implements HealthCheck {

    static final String NAME = "DynamoKit tables";

    @Inject
    TableManager tables;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        Map<String, TableStatus> statuses;
        try {
            statuses = tables.status();
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
        boolean up = true;
        for (Map.Entry<String, TableStatus> status : statuses.entrySet()) {
            response.withData(tables.tableName(status.getKey()), status.getValue().name());
            up &= status.getValue() == TableStatus.RUNNING;
        }
        return response.status(up).build();
    }
}
