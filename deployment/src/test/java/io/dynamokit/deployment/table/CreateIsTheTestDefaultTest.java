package io.dynamokit.deployment.table;

import static io.dynamokit.deployment.table.TableFixtures.hash;
import static io.dynamokit.deployment.table.TableFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.runtime.table.DeclaredTables;
import io.dynamokit.runtime.table.TablesJsonRpcService;
import io.dynamokit.table.TableManager;
import io.dynamokit.table.TableStatus;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * With no strategy set, a test run creates missing declared tables with everything declared, before the application
 * starts; an existing table that differs in other ways than its keys is left as it is. The Dev UI page shows them
 * all, with each table's stream and time to live as declared and, where it differs, as DynamoDB reports it.
 */
public class CreateIsTheTestDefaultTest {

    static final String FORUM = "quarkus.dynamokit.tables.\"CreateForum\".";
    static final String STREAMED = "quarkus.dynamokit.tables.\"CreateStreamed\".";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(CreateIsTheTestDefaultTest::existingTable)
            .setAfterAllCustomizer(() -> System.clearProperty("quarkus.dynamodb.endpoint-override"))
            .overrideConfigKey(FORUM + "hash-key", "ForumName:S")
            .overrideConfigKey(FORUM + "range-key", "Subject:S")
            .overrideConfigKey(FORUM + "billing-mode", "on-demand")
            .overrideConfigKey(FORUM + "local-secondary-indexes.LastPostIndex.range-key", "LastPostDateTime:S")
            .overrideConfigKey(FORUM + "local-secondary-indexes.LastPostIndex.projection", "KEYS_ONLY")
            .overrideConfigKey(FORUM + "global-secondary-indexes.ByAuthor.hash-key", "Author:S")
            .overrideConfigKey(FORUM + "global-secondary-indexes.ByAuthor.range-key", "Replies:N")
            .overrideConfigKey(FORUM + "global-secondary-indexes.ByAuthor.projection", "include")
            .overrideConfigKey(FORUM + "global-secondary-indexes.ByAuthor.non-key-attributes", "Title")
            .overrideConfigKey(FORUM + "stream", "new-and-old-images")
            .overrideConfigKey(FORUM + "time-to-live-attribute", "ExpiresAt")
            .overrideConfigKey(FORUM + "tags.team", "forum")
            .overrideConfigKey(FORUM + "table-class", "standard-infrequent-access")
            .overrideConfigKey("quarkus.dynamokit.tables.\"CreateKept\".hash-key", "Id:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"CreateKept\".read-capacity-units", "20")
            .overrideConfigKey(STREAMED + "hash-key", "Id:S")
            .overrideConfigKey(STREAMED + "billing-mode", "on-demand")
            .overrideConfigKey(STREAMED + "stream", "new-image")
            .overrideConfigKey(STREAMED + "time-to-live-attribute", "ExpiresAt");

    static void existingTable() {
        System.setProperty("quarkus.dynamodb.endpoint-override", EmbeddedDynamoDbFixture.endpoint());
        try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
            TableFixtures.create(dynamo, t -> t.tableName("CreateKept").keySchema(hash("Id"))
                    .attributeDefinitions(string("Id"))
                    .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(5L)));
            TableFixtures.create(dynamo, t -> t.tableName("CreateStreamed").keySchema(hash("Id"))
                    .attributeDefinitions(string("Id")).billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
            dynamo.updateTimeToLive(b -> b.tableName("CreateStreamed")
                    .timeToLiveSpecification(ttl -> ttl.attributeName("OldExpiry").enabled(true)));
        }
    }

    @Inject
    TableManager tables;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    DeclaredTables declared;

    @Test
    void missingTableIsCreatedAsDeclared() {
        assertThat(tables.status("CreateForum")).isEqualTo(TableStatus.RUNNING);
        assertThat(tables.diff("CreateForum").differences()).isEmpty();
        TableDescription forum = dynamo.describeTable(b -> b.tableName("CreateForum")).table();
        assertThat(forum.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(forum.localSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("LastPostIndex");
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        });
        assertThat(forum.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("ByAuthor");
            assertThat(index.projection().nonKeyAttributes()).containsExactly("Title");
        });
        assertThat(forum.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactly("ByAuthor");
        assertThat(forum.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(dynamo.describeTimeToLive(b -> b.tableName("CreateForum")).timeToLiveDescription()
                .timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @Test
    void existingTableIsLeftAsItIs() {
        assertThat(tables.diff("CreateKept").differences()).extracting(Object::toString)
                .containsExactly("CreateKept: provisioned throughput read 10 != declared 20");
    }

    @Test
    void devUiRowsHoldStatusAndDifferences() {
        TablesJsonRpcService devUi = new TablesJsonRpcService(declared);
        assertThat(devUi.getTableCount()).isEqualTo(3);
        assertThat(devUi.getTables()).containsExactly(
                Map.of("declaredName", "CreateForum", "tableName", "CreateForum", "status", "RUNNING",
                        "stream", "NEW_AND_OLD_IMAGES", "timeToLiveAttribute", "ExpiresAt",
                        "differences", List.of()),
                Map.of("declaredName", "CreateKept", "tableName", "CreateKept", "status", "RUNNING",
                        "stream", "none", "timeToLiveAttribute", "none",
                        "differences", List.of("provisioned throughput read 10 != declared 20")),
                Map.of("declaredName", "CreateStreamed", "tableName", "CreateStreamed", "status", "RUNNING",
                        "stream", "NEW_IMAGE", "reportedStream", "KEYS_ONLY",
                        "timeToLiveAttribute", "ExpiresAt", "reportedTimeToLiveAttribute", "OldExpiry",
                        "differences", List.of("stream KEYS_ONLY != declared NEW_IMAGE",
                                "time to live attribute OldExpiry != declared ExpiresAt")));
    }
}
