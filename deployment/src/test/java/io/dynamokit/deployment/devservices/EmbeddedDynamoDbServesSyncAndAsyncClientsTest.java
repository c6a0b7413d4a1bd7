package io.dynamokit.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * With no endpoint configured, the injected clients talk to the embedded DynamoDB on loopback.
 */
public class EmbeddedDynamoDbServesSyncAndAsyncClientsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest();

    @Inject
    DynamoDbClient client;

    @Inject
    DynamoDbAsyncClient asyncClient;

    @ConfigProperty(name = "quarkus.dynamodb.endpoint-override")
    String endpoint;

    @Test
    void syncAndAsyncClientsShareTheEmbeddedDatabase() throws Exception {
        assertThat(endpoint).startsWith("http://127.0.0.1:");

        client.createTable(b -> b.tableName("Pets")
                .keySchema(KeySchemaElement.builder().attributeName("name").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("name")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.putItem(b -> b.tableName("Pets").item(Map.of(
                "name", AttributeValue.fromS("Rex"),
                "legs", AttributeValue.fromN("4"))));

        Map<String, AttributeValue> item = asyncClient
                .getItem(b -> b.tableName("Pets").key(Map.of("name", AttributeValue.fromS("Rex"))).consistentRead(true))
                .get(10, TimeUnit.SECONDS).item();

        assertThat(item).containsEntry("legs", AttributeValue.fromN("4"));
        assertThat(client.listTables().tableNames()).contains("Pets");
    }
}
