package io.dynamokit.deployment.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.RecordedRequest;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusProdModeTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The packaged application started again, as a new process, against the tables its first start created: under
 * {@code create}, {@code validate} and {@code update} the second start only reads, one {@code DescribeTable} per
 * declared table, and the data stays.
 * <p>
 * The application runs in production mode ({@code java -jar}), talking to the test DynamoDB through a
 * {@link FaultProxy} that records its requests.
 */
public class SecondStartChangesNothingTest {

    static final String DECLARED = "quarkus.dynamokit.tables.\"";

    private static final FaultProxy PROXY = FaultProxy.start(URI.create(EmbeddedDynamoDbFixture.endpoint()));

    @RegisterExtension
    static final QuarkusProdModeTest APP = new QuarkusProdModeTest()
            .withEmptyApplication()
            .setApplicationName("second-start")
            .setApplicationVersion("1")
            .withConfigurationResource("explicit-endpoint.properties")
            .overrideConfigKey(DECLARED + "RestartThread\".hash-key", "ForumName:S")
            .overrideConfigKey(DECLARED + "RestartThread\".range-key", "Subject:S")
            .overrideConfigKey(DECLARED + "RestartThread\".local-secondary-indexes.LastPostIndex.range-key",
                    "LastPostDateTime:S")
            .overrideConfigKey(DECLARED + "RestartThread\".local-secondary-indexes.LastPostIndex.projection",
                    "keys-only")
            .overrideConfigKey(DECLARED + "RestartThread\".global-secondary-indexes.ByAuthor.hash-key", "Author:S")
            .overrideConfigKey(DECLARED + "RestartThread\".stream", "new-image")
            .overrideConfigKey(DECLARED + "RestartThread\".time-to-live-attribute", "ExpiresAt")
            .overrideConfigKey(DECLARED + "RestartReply\".hash-key", "Id:N")
            .overrideConfigKey(DECLARED + "RestartReply\".billing-mode", "on-demand")
            .overrideConfigKey(DECLARED + "RestartTag\".hash-key", "Name:B")
            // the runtime side of the extensions whose deployment side this module's tests bring
            .setForcedDependencies(List.of(
                    Dependency.of("io.quarkus", "quarkus-rest", Version.getVersion()),
                    Dependency.of("io.quarkus", "quarkus-micrometer", Version.getVersion()),
                    Dependency.of("io.quarkus", "quarkus-smallrye-health", Version.getVersion())))
            .setRuntimeProperties(runtime("create"))
            .setRun(true);

    /** What a deployment sets when it starts the application: where DynamoDB is, and the strategy. */
    static Map<String, String> runtime(String strategy) {
        return Map.of("quarkus.dynamodb.endpoint-override", PROXY.uri().toString(),
                "quarkus.dynamokit.schema-management", strategy,
                "quarkus.http.host", "127.0.0.1",
                "quarkus.http.port", "0");
    }

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    @Test
    void laterStartsOnlyReadTheTablesTheFirstCreated() {
        assertThat(APP.getStartupConsoleOutput())
                .contains("DynamoKit schema management (create): 3 tables created, 0 tables unchanged");
        assertThat(PROXY.requests()).extracting(RecordedRequest::operation).contains("CreateTable");
        try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
            dynamo.putItem(b -> b.tableName("RestartReply").item(Map.of("Id", AttributeValue.fromN("1"))));

            for (String strategy : List.of("create", "validate", "update")) {
                APP.stop();
                PROXY.clearRequests();
                APP.setRuntimeProperties(runtime(strategy));

                APP.start();

                assertThat(APP.getStartupConsoleOutput()).as(strategy).contains(switch (strategy) {
                    case "create" -> "DynamoKit schema management (create): 0 tables created, 3 tables unchanged";
                    case "validate" -> "DynamoKit schema management (validate): 3 tables as declared";
                    default -> "DynamoKit schema management (update): 0 tables created, 0 tables updated, "
                            + "3 tables unchanged";
                });
                List<String> operations = PROXY.requests().stream().map(RecordedRequest::operation).toList();
                assertThat(operations).as(strategy).filteredOn("DescribeTable"::equals).hasSize(3);
                assertThat(operations).as(strategy)
                        .allMatch(operation -> operation.startsWith("Describe") || operation.startsWith("ListTags"),
                                "DescribeTable, DescribeTimeToLive or ListTagsOfResource");
            }
            assertThat(dynamo.getItem(b -> b.tableName("RestartReply").key(Map.of("Id", AttributeValue.fromN("1"))))
                    .hasItem()).isTrue();
        }
    }
}
