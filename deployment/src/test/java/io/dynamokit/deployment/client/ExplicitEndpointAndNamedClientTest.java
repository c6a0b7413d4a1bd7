package io.dynamokit.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.quarkiverse.amazon.common.AmazonClient;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * With an endpoint, region and credentials configured, as in production, the clients use exactly those: the embedded
 * DynamoDB is not involved. A named client falls back to the default client's settings.
 */
public class ExplicitEndpointAndNamedClientTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .setBeforeAllCustomizer(() -> System.setProperty("quarkus.dynamodb.endpoint-override", EmbeddedDynamoDbFixture.endpoint()))
            .setAfterAllCustomizer(() -> System.clearProperty("quarkus.dynamodb.endpoint-override"))
            .overrideConfigKey("quarkus.dynamodb.aws.region", "eu-west-1")
            .overrideConfigKey("quarkus.dynamodb.aws.credentials.type", "static")
            .overrideConfigKey("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "prodlike")
            .overrideConfigKey("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "prodlike-secret");

    @Inject
    DynamoDbClient client;

    @Inject
    @AmazonClient("audit")
    DynamoDbClient audit;

    @ConfigProperty(name = "quarkus.dynamodb.endpoint-override")
    String endpoint;

    @Test
    void clientsTalkToTheConfiguredEndpoint() {
        String expected = System.getProperty("io.dynamokit.test.engine-endpoint");
        assertThat(expected).isNotNull();
        assertThat(endpoint).isEqualTo(expected);
        assertThat(client.serviceClientConfiguration().endpointOverride()).hasValueSatisfying(
                uri -> assertThat(uri.toString()).isEqualTo(expected));
        assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");

        client.createTable(b -> b.tableName("Explicit")
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.putItem(b -> b.tableName("Explicit").item(Map.of("id", AttributeValue.fromS("1"))));

        assertThat(audit.serviceClientConfiguration().endpointOverride()).hasValueSatisfying(
                uri -> assertThat(uri.toString()).isEqualTo(expected));
        assertThat(audit.getItem(b -> b.tableName("Explicit").key(Map.of("id", AttributeValue.fromS("1")))).item())
                .containsEntry("id", AttributeValue.fromS("1"));
    }
}
