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

/**
 * {@code update} never deletes a table: when a table has other keys or local indexes than declared, start-up fails
 * with a message saying so, before any table is created or changed.
 */
public class RecreationIsRefusedTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(RecreationIsRefusedTest::existingTable)
            .setAfterAllCustomizer(() -> System.clearProperty("quarkus.dynamodb.endpoint-override"))
            .overrideConfigKey("quarkus.dynamokit.schema-management", "update")
            .overrideConfigKey("quarkus.dynamokit.tables.\"RecreateThread\".hash-key", "ForumName:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"RecreateThread\".range-key", "Topic:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"RecreateThread\".read-capacity-units", "7")
            .overrideConfigKey(
                    "quarkus.dynamokit.tables.\"RecreateThread\".local-secondary-indexes.LastPostIndex.range-key",
                    "LastPostDateTime:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"RecreateNew\".hash-key", "Id:S")
            .assertException(t -> {
                Throwable error = TableFixtures.cause(t, TableManagementException.class);
                assertThat(error.getMessage()).isEqualTo("""
                        quarkus.dynamokit.schema-management=update: these tables cannot be brought to their \
                        declarations without deleting them and their data:
                         - RecreateThread: range key Subject:S != declared Topic:S
                         - RecreateThread: local secondary index LastPostIndex: missing
                        DynamoDB cannot change the keys or local secondary indexes of an existing table. Declare a new \
                        table and copy the data over, or, where the data may go, delete the table \
                        (TableManager.delete, or quarkus.dynamokit.schema-management=drop-and-create outside \
                        production).""");
                try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
                    assertThat(dynamo.listTablesPaginator().tableNames()).doesNotContain("RecreateNew");
                    assertThat(dynamo.describeTable(b -> b.tableName("RecreateThread")).table()
                            .provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
                }
            });

    static void existingTable() {
        System.setProperty("quarkus.dynamodb.endpoint-override", EmbeddedDynamoDbFixture.endpoint());
        try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
            TableFixtures.create(dynamo, t -> t.tableName("RecreateThread").keySchema(hash("ForumName"), range("Subject"))
                    .attributeDefinitions(string("ForumName"), string("Subject"))
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
        }
    }

    @Test
    void startupFails() {
        fail("update must not start when a table would have to be recreated");
    }
}
