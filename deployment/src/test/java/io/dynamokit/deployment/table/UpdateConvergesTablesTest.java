package io.dynamokit.deployment.table;

import static io.dynamokit.deployment.table.TableFixtures.hash;
import static io.dynamokit.deployment.table.TableFixtures.range;
import static io.dynamokit.deployment.table.TableFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.table.TableManager;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * {@code update} brings existing tables to their declarations in place: a global secondary index added, one removed,
 * one with another projection replaced, throughput, stream, time to live, deletion protection, and a switch from
 * on-demand to provisioned; a stream no longer declared is turned off, and time to live moves to another attribute.
 * The data stays.
 */
public class UpdateConvergesTablesTest {

    static final String FORUM = "quarkus.dynamokit.tables.\"UpdateThread\".";
    static final String BILLING = "quarkus.dynamokit.tables.\"UpdateBilling\".";
    static final String EXPIRY = "quarkus.dynamokit.tables.\"UpdateExpiry\".";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(UpdateConvergesTablesTest::existingTables)
            .setAfterAllCustomizer(() -> System.clearProperty("quarkus.dynamodb.endpoint-override"))
            .overrideConfigKey("quarkus.dynamokit.schema-management", "update")
            .overrideConfigKey(FORUM + "hash-key", "ForumName:S")
            .overrideConfigKey(FORUM + "range-key", "Subject:S")
            .overrideConfigKey(FORUM + "read-capacity-units", "15")
            .overrideConfigKey(FORUM + "write-capacity-units", "20")
            .overrideConfigKey(FORUM + "global-secondary-indexes.ByAuthor.hash-key", "Author:S")
            .overrideConfigKey(FORUM + "global-secondary-indexes.ByAuthor.range-key", "LastPostDateTime:S")
            .overrideConfigKey(FORUM + "global-secondary-indexes.ByAuthor.projection", "include")
            .overrideConfigKey(FORUM + "global-secondary-indexes.ByAuthor.non-key-attributes", "Title,Replies")
            .overrideConfigKey(FORUM + "global-secondary-indexes.ByTag.hash-key", "Tag:S")
            .overrideConfigKey(FORUM + "global-secondary-indexes.ByTag.read-capacity-units", "3")
            .overrideConfigKey(FORUM + "global-secondary-indexes.ByTag.write-capacity-units", "4")
            .overrideConfigKey(FORUM + "stream", "new-and-old-images")
            .overrideConfigKey(FORUM + "time-to-live-attribute", "ExpiresAt")
            .overrideConfigKey(FORUM + "deletion-protection", "true")
            .overrideConfigKey(BILLING + "hash-key", "Id:S")
            .overrideConfigKey(BILLING + "billing-mode", "provisioned")
            .overrideConfigKey(BILLING + "global-secondary-indexes.ByKind.hash-key", "Kind:S")
            .overrideConfigKey(BILLING + "global-secondary-indexes.ByKind.read-capacity-units", "2")
            .overrideConfigKey(EXPIRY + "hash-key", "Id:S")
            .overrideConfigKey(EXPIRY + "billing-mode", "on-demand")
            .overrideConfigKey(EXPIRY + "time-to-live-attribute", "ExpiresAt");

    static void existingTables() {
        System.setProperty("quarkus.dynamodb.endpoint-override", EmbeddedDynamoDbFixture.endpoint());
        try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
            TableFixtures.create(dynamo, t -> t.tableName("UpdateThread").keySchema(hash("ForumName"), range("Subject"))
                    .attributeDefinitions(string("ForumName"), string("Subject"), string("Old"), string("Tag"))
                    .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L))
                    .globalSecondaryIndexes(
                            GlobalSecondaryIndex.builder().indexName("Old").keySchema(hash("Old"))
                                    .projection(p -> p.projectionType(ProjectionType.ALL))
                                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)).build(),
                            GlobalSecondaryIndex.builder().indexName("ByTag").keySchema(hash("Tag"))
                                    .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                                    .provisionedThroughput(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L)).build())
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
            dynamo.putItem(b -> b.tableName("UpdateThread").item(Map.of("ForumName", AttributeValue.fromS("Quarkus"),
                    "Subject", AttributeValue.fromS("Still here"))));
            TableFixtures.create(dynamo, t -> t.tableName("UpdateBilling").keySchema(hash("Id"))
                    .attributeDefinitions(string("Id"), string("Kind")).billingMode(BillingMode.PAY_PER_REQUEST)
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ByKind").keySchema(hash("Kind"))
                            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
            TableFixtures.create(dynamo, t -> t.tableName("UpdateExpiry").keySchema(hash("Id"))
                    .attributeDefinitions(string("Id")).billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            dynamo.updateTimeToLive(b -> b.tableName("UpdateExpiry")
                    .timeToLiveSpecification(ttl -> ttl.attributeName("OldExpiry").enabled(true)));
        }
    }

    @Inject
    TableManager tables;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void indexesThroughputStreamAndTimeToLiveAreAsDeclared() {
        assertThat(tables.diff("UpdateThread").differences()).isEmpty();
        TableDescription thread = dynamo.describeTable(b -> b.tableName("UpdateThread")).table();
        assertThat(thread.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("ByAuthor", "ByTag");
        assertThat(thread.globalSecondaryIndexes()).filteredOn(i -> i.indexName().equals("ByTag")).singleElement()
                .satisfies(i -> assertThat(i.projection().projectionType()).isEqualTo(ProjectionType.ALL));
        assertThat(thread.provisionedThroughput().readCapacityUnits()).isEqualTo(15L);
        assertThat(thread.provisionedThroughput().writeCapacityUnits()).isEqualTo(20L);
        assertThat(thread.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(thread.deletionProtectionEnabled()).isTrue();
        assertThat(dynamo.describeTimeToLive(b -> b.tableName("UpdateThread")).timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                    assertThat(ttl.attributeName()).isEqualTo("ExpiresAt");
                });
        assertThat(dynamo.getItem(b -> b.tableName("UpdateThread").consistentRead(true)
                .key(Map.of("ForumName", AttributeValue.fromS("Quarkus"), "Subject", AttributeValue.fromS("Still here"))))
                .hasItem()).isTrue();
    }

    @Test
    void onDemandTableBecomesProvisionedWithItsIndex() {
        assertThat(tables.diff("UpdateBilling").differences()).isEmpty();
        TableDescription table = dynamo.describeTable(b -> b.tableName("UpdateBilling")).table();
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(table.globalSecondaryIndexes()).singleElement()
                .satisfies(i -> assertThat(i.provisionedThroughput().readCapacityUnits()).isEqualTo(2L));
    }

    @Test
    void undeclaredStreamIsTurnedOffAndTimeToLiveMoves() {
        assertThat(tables.diff("UpdateExpiry").differences()).isEmpty();
        assertThat(dynamo.describeTable(b -> b.tableName("UpdateExpiry")).table().streamSpecification())
                .satisfiesAnyOf(stream -> assertThat(stream).isNull(),
                        stream -> assertThat(stream.streamEnabled()).isFalse());
        assertThat(dynamo.describeTimeToLive(b -> b.tableName("UpdateExpiry")).timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                    assertThat(ttl.attributeName()).isEqualTo("ExpiresAt");
                });
    }
}
