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

/**
 * {@code drop-and-create} outside production: the existing table, of other keys and with data, is replaced by an empty
 * one as declared.
 */
public class DropAndCreateTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(DropAndCreateTest::existingTable)
            .setAfterAllCustomizer(() -> System.clearProperty("quarkus.dynamodb.endpoint-override"))
            .overrideConfigKey("quarkus.dynamokit.schema-management", "drop-and-create")
            .overrideConfigKey("quarkus.dynamokit.tables.\"DropThread\".hash-key", "ForumName:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"DropThread\".range-key", "Topic:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"DropNew\".hash-key", "Id:N");

    static void existingTable() {
        System.setProperty("quarkus.dynamodb.endpoint-override", EmbeddedDynamoDbFixture.endpoint());
        try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
            TableFixtures.create(dynamo, t -> t.tableName("DropThread").keySchema(hash("ForumName"), range("Subject"))
                    .attributeDefinitions(string("ForumName"), string("Subject"))
                    .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L)));
            dynamo.putItem(b -> b.tableName("DropThread").item(Map.of("ForumName", AttributeValue.fromS("Quarkus"),
                    "Subject", AttributeValue.fromS("Gone"))));
        }
    }

    @Inject
    TableManager tables;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void tablesAreRecreatedEmptyAsDeclared() {
        assertThat(tables.diff("DropThread").differences()).isEmpty();
        assertThat(tables.diff("DropNew").differences()).isEmpty();
        assertThat(dynamo.scan(b -> b.tableName("DropThread")).count()).isZero();
    }
}
