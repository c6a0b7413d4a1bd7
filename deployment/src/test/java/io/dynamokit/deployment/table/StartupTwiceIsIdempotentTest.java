package io.dynamokit.deployment.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.runtime.config.DynamoKitConfig;
import io.dynamokit.runtime.table.DeclaredTables;
import io.dynamokit.runtime.table.TableDeclarations;
import io.dynamokit.table.SchemaManagement;
import io.dynamokit.table.TableManager;
import io.dynamokit.table.TableStatus;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.RecordedRequest;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Schema management run a second time, with the same declarations against the tables the first start-up made, changes
 * nothing under {@code create}, {@code validate} or {@code update}: it only reads, one {@code DescribeTable} per table,
 * all tables at the same time.
 * <p>
 * The second run is a second {@code TableManager} built inside the running application from the same configuration,
 * as a second start-up builds it, and run through a {@link FaultProxy} that records its requests and holds each
 * {@code DescribeTable} back, so that the tables are seen read at the same time. {@link SecondStartChangesNothingTest}
 * starts the packaged application itself a second time.
 */
public class StartupTwiceIsIdempotentTest {

    static final String THREAD = "quarkus.dynamokit.tables.\"TwiceThread\".";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(TableFixtures.class))
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(() -> System.setProperty("quarkus.dynamodb.endpoint-override", EmbeddedDynamoDbFixture.endpoint()))
            .setAfterAllCustomizer(() -> System.clearProperty("quarkus.dynamodb.endpoint-override"))
            .overrideConfigKey("quarkus.dynamokit.schema-management", "update")
            .overrideConfigKey(THREAD + "hash-key", "ForumName:S")
            .overrideConfigKey(THREAD + "range-key", "Subject:S")
            .overrideConfigKey(THREAD + "local-secondary-indexes.LastPostIndex.range-key", "LastPostDateTime:S")
            .overrideConfigKey(THREAD + "local-secondary-indexes.LastPostIndex.projection", "keys-only")
            .overrideConfigKey(THREAD + "global-secondary-indexes.ByAuthor.hash-key", "Author:S")
            .overrideConfigKey(THREAD + "stream", "new-image")
            .overrideConfigKey(THREAD + "time-to-live-attribute", "ExpiresAt")
            .overrideConfigKey("quarkus.dynamokit.tables.\"TwiceReply\".hash-key", "Id:N")
            .overrideConfigKey("quarkus.dynamokit.tables.\"TwiceReply\".billing-mode", "on-demand")
            .overrideConfigKey("quarkus.dynamokit.tables.\"TwiceTag\".hash-key", "Name:B");

    @Inject
    DynamoKitConfig config;

    @Inject
    TableManager tables;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void secondRunOfEachStrategyOnlyReadsEachTableOnceAndConcurrently() {
        assertThat(tables.status()).containsOnly(Map.entry("TwiceReply", TableStatus.RUNNING),
                Map.entry("TwiceTag", TableStatus.RUNNING), Map.entry("TwiceThread", TableStatus.RUNNING));
        dynamo.putItem(b -> b.tableName("TwiceReply").item(Map.of("Id", AttributeValue.fromN("1"))));

        ExecutorService executor = Executors.newCachedThreadPool();
        try (FaultProxy proxy = FaultProxy.start(URI.create(System.getProperty(EmbeddedDynamoDbFixture.ENDPOINT_PROPERTY)));
                DynamoDbClient client = TableFixtures.client(proxy.uri().toString())) {
            proxy.addRule(FaultRule.delay(Duration.ofMillis(300)).forOperation("DescribeTable"));
            for (SchemaManagement strategy : List.of(SchemaManagement.CREATE, SchemaManagement.VALIDATE,
                    SchemaManagement.UPDATE)) {
                proxy.clearRequests();
                proxy.resetConcurrency();
                DeclaredTables second = new DeclaredTables(client, TableDeclarations.of(config).definitions(), executor,
                        Duration.ofSeconds(30));

                second.manageSchema(strategy, false, false);

                assertThat(proxy.requests()).extracting(RecordedRequest::operation).as("%s", strategy)
                        .filteredOn("DescribeTable"::equals).hasSize(3);
                assertThat(proxy.requests()).extracting(RecordedRequest::operation).as("%s", strategy)
                        .allMatch(operation -> operation.startsWith("Describe") || operation.startsWith("ListTags"));
                assertThat(proxy.maxConcurrentRequests()).as("%s", strategy).isGreaterThanOrEqualTo(3);
            }
        } finally {
            executor.shutdown();
        }
        assertThat(dynamo.getItem(b -> b.tableName("TwiceReply").key(Map.of("Id", AttributeValue.fromN("1"))))
                .hasItem()).isTrue();
        for (String table : tables.tables()) {
            assertThat(tables.diff(table).differences()).isEmpty();
        }
    }
}
