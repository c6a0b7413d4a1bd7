package io.dynamokit.deployment.table;

import static io.dynamokit.deployment.table.TableFixtures.hash;
import static io.dynamokit.deployment.table.TableFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.runtime.config.Production;
import io.dynamokit.table.TableManager;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * In the prod profile with {@code quarkus.dynamokit.allow-drop-and-create-in-prod=true}, {@code drop-and-create} runs:
 * the existing table, of other keys and with data, is replaced by an empty one as declared.
 */
public class DropAndCreateIsAllowedInProdTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(DropAndCreateIsAllowedInProdTest::existingTable)
            .setAfterAllCustomizer(() -> {
                System.clearProperty("quarkus.dynamodb.endpoint-override");
                System.clearProperty("quarkus.test.profile");
            })
            .overrideConfigKey("quarkus.dynamokit.schema-management", "drop-and-create")
            .overrideConfigKey("quarkus.dynamokit.allow-drop-and-create-in-prod", "true")
            .overrideConfigKey("quarkus.dynamokit.tables.\"ProdAllowed\".hash-key", "Code:S");

    static void existingTable() {
        System.setProperty("quarkus.test.profile", "prod");
        System.setProperty("quarkus.dynamodb.endpoint-override", EmbeddedDynamoDbFixture.endpoint());
        try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
            TableFixtures.create(dynamo, t -> t.tableName("ProdAllowed").keySchema(hash("Id"))
                    .attributeDefinitions(string("Id")).billingMode("PAY_PER_REQUEST"));
            dynamo.putItem(b -> b.tableName("ProdAllowed").item(Map.of("Id", AttributeValue.fromS("gone"))));
        }
    }

    @Inject
    TableManager tables;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void tableIsRecreatedEmptyAsDeclared() {
        assertThat(Production.isCurrent()).as("running in the prod profile").isTrue();
        assertThat(tables.diff("ProdAllowed").differences()).isEmpty();
        assertThat(dynamo.describeTable(b -> b.tableName("ProdAllowed")).table().keySchema())
                .extracting(key -> key.attributeName()).containsExactly("Code");
        assertThat(dynamo.scan(b -> b.tableName("ProdAllowed")).count()).isZero();
    }
}
