package io.dynamokit.deployment.table;

import static io.dynamokit.deployment.table.TableFixtures.hash;
import static io.dynamokit.deployment.table.TableFixtures.string;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.table.TableManager;
import io.dynamokit.table.TableStatus;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * Tables being created, updated or deleted, and a table whose global secondary index is being created, are
 * {@code PENDING}: {@code awaitRunning} waits until they are ACTIVE, or fails after its timeout with the status last
 * seen, and the readiness check is DOWN, reporting each table's status.
 * <p>
 * The embedded engine makes tables and indexes ACTIVE at once, so the application reaches it through a
 * {@link FaultProxy} that changes the statuses in the {@code DescribeTable} answers of some tables, as Amazon DynamoDB
 * reports them while it works on a table. The proxy runs in JUnit's class loader; what it saw reaches the test through
 * {@link ProxyRecording}.
 */
public class TablesInProgressArePendingTest {

    static final String RECORDING = "io.dynamokit.test.pending-recording";
    static final String DECLARED = "quarkus.dynamokit.tables.\"";

    private static final int PROXY_PORT = LoopbackPorts.reserve(TablesInProgressArePendingTest.class.getName());
    private static final Pattern TABLE_NAME = Pattern.compile("\"TableName\"\\s*:\\s*\"([^\"]+)\"");

    /** JUnit's class loader only: started before the application, closed after it. */
    private static FaultProxy proxy;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TableFixtures.class, ProxyRecording.class))
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(TablesInProgressArePendingTest::tablesBehindRewritingProxy)
            .setAfterAllCustomizer(TablesInProgressArePendingTest::closeProxy)
            .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + PROXY_PORT)
            .overrideConfigKey("quarkus.dynamokit.schema-management", "none")
            .overrideConfigKey(DECLARED + "PendingCreating\".hash-key", "Id:S")
            .overrideConfigKey(DECLARED + "PendingUpdating\".hash-key", "Id:S")
            .overrideConfigKey(DECLARED + "PendingDeleting\".hash-key", "Id:S")
            .overrideConfigKey(DECLARED + "PendingIndexed\".hash-key", "Id:S")
            .overrideConfigKey(DECLARED + "PendingIndexed\".global-secondary-indexes.ByAuthor.hash-key", "Author:S")
            .overrideConfigKey(DECLARED + "PendingReady\".hash-key", "Id:S");

    static void tablesBehindRewritingProxy() {
        String engine = EmbeddedDynamoDbFixture.endpoint();
        try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
            for (String table : List.of("PendingCreating", "PendingUpdating", "PendingDeleting", "PendingReady")) {
                TableFixtures.create(dynamo, t -> t.tableName(table).keySchema(hash("Id"))
                        .attributeDefinitions(string("Id")).billingMode("PAY_PER_REQUEST"));
            }
            TableFixtures.create(dynamo, t -> t.tableName("PendingIndexed").keySchema(hash("Id"))
                    .attributeDefinitions(string("Id"), string("Author")).billingMode("PAY_PER_REQUEST")
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ByAuthor")
                            .keySchema(hash("Author"))
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        }
        proxy = FaultProxy.start(URI.create(engine), PROXY_PORT);
        // seen as being created three times, then as the engine reports it
        proxy.addRule(FaultRule.rewriteDescribeTable("PendingCreating", "CREATING").first(3));
        proxy.addRule(FaultRule.rewriteDescribeTable("PendingUpdating", "UPDATING"));
        proxy.addRule(FaultRule.rewriteDescribeTable("PendingDeleting", "DELETING"));
        proxy.addRule(FaultRule.rewriteDescribeTableIndex("PendingIndexed", "ByAuthor", "CREATING"));
        ProxyRecording.publish(RECORDING, proxy, request -> {
            Matcher name = TABLE_NAME.matcher(request.bodyAsString());
            return request.operation() + " " + (name.find() ? name.group(1) : "-") + " " + request.outcome();
        });
    }

    static void closeProxy() {
        ProxyRecording.close(RECORDING, proxy);
    }

    @Inject
    TableManager tables;

    @Test
    void pendingUntilActiveAndReadinessDownMeanwhile() {
        assertThat(tables.status("PendingCreating")).isEqualTo(TableStatus.PENDING);
        long start = System.nanoTime();
        tables.awaitRunning("PendingCreating", Duration.ofSeconds(20));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(tables.status("PendingCreating")).isEqualTo(TableStatus.RUNNING);
        // one DescribeTable for the status, two more seeing CREATING while waiting, one seeing ACTIVE, one status
        assertThat(describes("PendingCreating")).containsExactly("rewritten", "rewritten", "rewritten", "forwarded",
                "forwarded");
        assertThat(waited).as("two polls of the waiter, 250 ms apart").isGreaterThanOrEqualTo(Duration.ofMillis(500));

        assertThat(tables.status("PendingUpdating")).isEqualTo(TableStatus.PENDING);
        assertThat(tables.status("PendingDeleting")).isEqualTo(TableStatus.PENDING);
        assertThat(tables.status("PendingIndexed")).isEqualTo(TableStatus.PENDING);
        assertThat(tables.status("PendingReady")).isEqualTo(TableStatus.RUNNING);

        assertThatThrownBy(() -> tables.awaitRunning("PendingUpdating", Duration.ofSeconds(1)))
                .isInstanceOf(SdkClientException.class)
                .hasMessage("Table PendingUpdating was not ACTIVE with all its global secondary indexes within PT1S "
                        + "(last seen: UPDATING)");
        assertThatThrownBy(() -> tables.awaitRunning("PendingIndexed", Duration.ofSeconds(1)))
                .isInstanceOf(SdkClientException.class)
                .hasMessage("Table PendingIndexed was not ACTIVE with all its global secondary indexes within PT1S "
                        + "(last seen: ACTIVE, index ByAuthor CREATING)");

        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'DynamoKit tables' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.PendingCreating", equalTo("RUNNING"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.PendingUpdating", equalTo("PENDING"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.PendingDeleting", equalTo("PENDING"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.PendingIndexed", equalTo("PENDING"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.PendingReady", equalTo("RUNNING"));
    }

    /** The outcome of each DescribeTable of the table so far, in order. */
    private static List<String> describes(String table) {
        List<String> outcomes = new ArrayList<>();
        for (String request : ProxyRecording.requests(RECORDING)) {
            String prefix = "DescribeTable " + table + " ";
            if (request.startsWith(prefix)) {
                outcomes.add(request.substring(prefix.length()));
            }
        }
        return outcomes;
    }
}
