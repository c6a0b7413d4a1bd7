package io.dynamokit.deployment.table;

import static io.dynamokit.deployment.table.TableFixtures.hash;
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

/**
 * In the prod profile, {@code drop-and-create} fails start-up unless explicitly allowed, and no table is touched.
 */
public class DropAndCreateIsRefusedInProdTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(DropAndCreateIsRefusedInProdTest::existingTable)
            .setAfterAllCustomizer(() -> {
                System.clearProperty("quarkus.dynamodb.endpoint-override");
                System.clearProperty("quarkus.test.profile");
            })
            .overrideConfigKey("quarkus.dynamokit.schema-management", "drop-and-create")
            .overrideConfigKey("quarkus.dynamokit.tables.\"ProdGuarded\".hash-key", "Id:S")
            .assertException(t -> {
                Throwable error = TableFixtures.cause(t, TableManagementException.class);
                assertThat(error.getMessage()).isEqualTo("quarkus.dynamokit.schema-management=drop-and-create deletes "
                        + "every declared table and its data, and this application runs in production (the prod "
                        + "profile, or a java -jar or native application): it is refused. Use update or create, or set "
                        + "quarkus.dynamokit.allow-drop-and-create-in-prod=true to allow it.");
                try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
                    assertThat(dynamo.getItem(b -> b.tableName("ProdGuarded")
                            .key(Map.of("Id", AttributeValue.fromS("kept")))).hasItem()).isTrue();
                }
            });

    static void existingTable() {
        System.setProperty("quarkus.test.profile", "prod");
        System.setProperty("quarkus.dynamodb.endpoint-override", EmbeddedDynamoDbFixture.endpoint());
        try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
            TableFixtures.create(dynamo, t -> t.tableName("ProdGuarded").keySchema(hash("Id"))
                    .attributeDefinitions(string("Id")).billingMode("PAY_PER_REQUEST"));
            dynamo.putItem(b -> b.tableName("ProdGuarded").item(Map.of("Id", AttributeValue.fromS("kept"))));
        }
    }

    @Test
    void startupFails() {
        fail("drop-and-create must be refused in the prod profile");
    }
}
