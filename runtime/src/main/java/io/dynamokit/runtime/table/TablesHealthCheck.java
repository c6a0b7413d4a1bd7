package io.dynamokit.runtime.table;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.dynamokit.table.TableManager;
import io.dynamokit.table.TableStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Ready when every declared table, and every table another capability reports ({@link ReportedTables}: the config
 * stores' tables), is ACTIVE with all its global secondary indexes; reports each table's status under its name in
 * DynamoDB. Registered only when the application has Quarkus SmallRye Health.
 */
@Readiness
@ApplicationScoped
public class TablesHealthCheck implements HealthCheck {

    static final String NAME = "DynamoKit tables";

    @Inject
    TableManager tables;

    @Inject
    @Any
    Instance<ReportedTables> reported;

    /** The client the table manager works through: the default one. */
    @Inject
    Instance<DynamoDbClient> dynamoDb;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        Map<String, TableStatus> statuses = new TreeMap<>();
        try {
            for (Map.Entry<String, TableStatus> status : tables.status().entrySet()) {
                statuses.put(tables.tableName(status.getKey()), status.getValue());
            }
            for (ReportedTables others : reported) {
                for (String table : others.tableNames()) {
                    if (!statuses.containsKey(table)) {
                        statuses.put(table, statusOf(table));
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

    private TableStatus statusOf(String table) {
        try {
            return TableReader.statusOf(dynamoDb.get().describeTable(b -> b.tableName(table)).table());
        } catch (ResourceNotFoundException e) {
            return TableStatus.MISSING;
        }
    }
}
