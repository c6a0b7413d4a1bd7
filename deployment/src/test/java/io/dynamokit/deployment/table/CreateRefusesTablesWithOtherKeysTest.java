package io.dynamokit.deployment.table;

import static io.dynamokit.deployment.table.TableFixtures.hash;
import static io.dynamokit.deployment.table.TableFixtures.number;
import static io.dynamokit.deployment.table.TableFixtures.range;
import static io.dynamokit.deployment.table.TableFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.table.TableManagementException;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * {@code create} leaves existing tables as they are, but an existing table whose keys or local secondary indexes are
 * not the declared ones holds its data in another shape: start-up fails, naming the table and each difference, before
 * any missing table is created.
 */
public class CreateRefusesTablesWithOtherKeysTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(CreateRefusesTablesWithOtherKeysTest::existingTables)
            .setAfterAllCustomizer(() -> System.clearProperty("quarkus.dynamodb.endpoint-override"))
            .overrideConfigKey("quarkus.dynamokit.schema-management", "create")
            .overrideConfigKey("quarkus.dynamokit.tables.\"CreateKeysThread\".hash-key", "ForumName:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"CreateKeysThread\".range-key", "Topic:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"CreateKeysThread\".local-secondary-indexes.ByDate.range-key",
                    "PostedAt:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"CreateKeysReply\".hash-key", "Id:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"CreateKeysNew\".hash-key", "Id:S")
            .assertException(t -> {
                Throwable error = TableFixtures.cause(t, TableManagementException.class);
                assertThat(error.getMessage()).isEqualTo("""
                        quarkus.dynamokit.schema-management=create: these existing tables have other keys or local \
                        secondary indexes than declared:
                         - CreateKeysReply: hash key Id:N != declared Id:S
                         - CreateKeysThread: range key Subject:S != declared Topic:S
                         - CreateKeysThread: local secondary index ByDate: missing
                         - CreateKeysThread: local secondary index LastPostIndex: not declared
                        DynamoDB cannot change the keys or local secondary indexes of an existing table. Declare a new \
                        table and copy the data over, or, where the data may go, delete the table \
                        (TableManager.delete, or quarkus.dynamokit.schema-management=drop-and-create outside \
                        production).""");
                try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
                    assertThat(dynamo.listTablesPaginator().tableNames()).doesNotContain("CreateKeysNew");
                    assertThat(dynamo.getItem(b -> b.tableName("CreateKeysReply")
                            .key(Map.of("Id", AttributeValue.fromN("1")))).hasItem()).isTrue();
                }
            });

    static void existingTables() {
        System.setProperty("quarkus.dynamodb.endpoint-override", EmbeddedDynamoDbFixture.endpoint());
        try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
            TableFixtures.create(dynamo, t -> t.tableName("CreateKeysThread")
                    .keySchema(hash("ForumName"), range("Subject"))
                    .attributeDefinitions(string("ForumName"), string("Subject"), string("LastPostDateTime"))
                    .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("LastPostIndex")
                            .keySchema(hash("ForumName"), range("LastPostDateTime"))
                            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                            .build())
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
            TableFixtures.create(dynamo, t -> t.tableName("CreateKeysReply").keySchema(hash("Id"))
                    .attributeDefinitions(number("Id"))
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
            dynamo.putItem(b -> b.tableName("CreateKeysReply").item(Map.of("Id", AttributeValue.fromN("1"))));
        }
    }

    @Test
    void startupFails() {
        fail("create must not start when an existing table has other keys than declared");
    }
}
