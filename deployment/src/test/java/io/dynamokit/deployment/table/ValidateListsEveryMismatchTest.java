package io.dynamokit.deployment.table;

import static io.dynamokit.deployment.table.TableFixtures.hash;
import static io.dynamokit.deployment.table.TableFixtures.range;
import static io.dynamokit.deployment.table.TableFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.table.TableManagementException;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * {@code validate} fails start-up with every difference of every table in one message, and changes nothing.
 */
public class ValidateListsEveryMismatchTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(ValidateListsEveryMismatchTest::existingTables)
            .setAfterAllCustomizer(() -> System.clearProperty("quarkus.dynamodb.endpoint-override"))
            .overrideConfigKey("quarkus.dynamokit.schema-management", "validate")
            .overrideConfigKey("quarkus.dynamokit.tables.\"ValidateThread\".hash-key", "ForumName:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"ValidateThread\".range-key", "Subject:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"ValidateThread\".read-capacity-units", "15")
            .overrideConfigKey("quarkus.dynamokit.tables.\"ValidateThread\".write-capacity-units", "10")
            .overrideConfigKey("quarkus.dynamokit.tables.\"ValidateThread\".global-secondary-indexes.ByAuthor.hash-key",
                    "Author:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"ValidateThread\".time-to-live-attribute", "ExpiresAt")
            .overrideConfigKey("quarkus.dynamokit.tables.\"ValidateReply\".hash-key", "Id:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"ValidateSame\".hash-key", "Id:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"ValidateSame\".billing-mode", "on-demand")
            .assertException(t -> {
                Throwable error = TableFixtures.cause(t, TableManagementException.class);
                assertThat(error.getMessage()).isEqualTo("""
                        quarkus.dynamokit.schema-management=validate: 2 declared tables differ from DynamoDB:
                         - ValidateReply: table missing
                         - ValidateThread: provisioned throughput read 10 != declared 15
                         - ValidateThread: global secondary index ByAuthor: missing
                         - ValidateThread: global secondary index Old: not declared
                         - ValidateThread: stream NEW_IMAGE != declared none
                         - ValidateThread: time to live attribute none != declared ExpiresAt
                        Change the declarations (quarkus.dynamokit.tables.*), or bring the tables to them with \
                        quarkus.dynamokit.schema-management=update.""");
                try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
                    assertThat(dynamo.listTablesPaginator().tableNames()).doesNotContain("ValidateReply");
                    assertThat(dynamo.describeTable(b -> b.tableName("ValidateThread")).table()
                            .provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
                }
            });

    static void existingTables() {
        System.setProperty("quarkus.dynamodb.endpoint-override", EmbeddedDynamoDbFixture.endpoint());
        try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
            TableFixtures.create(dynamo, t -> t.tableName("ValidateThread").keySchema(hash("ForumName"), range("Subject"))
                    .attributeDefinitions(string("ForumName"), string("Subject"), string("Old"))
                    .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("Old").keySchema(hash("Old"))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                            .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)).build())
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            TableFixtures.create(dynamo, t -> t.tableName("ValidateSame").keySchema(hash("Id"))
                    .attributeDefinitions(string("Id")).billingMode("PAY_PER_REQUEST"));
        }
    }

    @Test
    void startupFails() {
        fail("validate must fail start-up when tables differ from their declarations");
    }
}
