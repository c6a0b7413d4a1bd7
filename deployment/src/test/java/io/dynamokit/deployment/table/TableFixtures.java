package io.dynamokit.deployment.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.function.Consumer;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Tables made outside the application, as another version of it or another tool would have made them.
 */
final class TableFixtures {

    private TableFixtures() {
    }

    /**
     * A client of the test DynamoDB that explicit-endpoint tests point the application at. Outside the application
     * only: inside it, use {@link #client(String)} with the endpoint from {@link EmbeddedDynamoDbFixture#ENDPOINT_PROPERTY}.
     */
    static DynamoDbClient testDynamoDb() {
        return client(EmbeddedDynamoDbFixture.endpoint());
    }

    /** A client with the test credentials of explicit-endpoint.properties. */
    static DynamoDbClient client(String endpoint) {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testkey", "testsecret")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    /** Creates the table and waits until it exists. */
    static void create(DynamoDbClient dynamo, Consumer<CreateTableRequest.Builder> table) {
        CreateTableRequest request = CreateTableRequest.builder().applyMutation(table).build();
        dynamo.createTable(request);
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
    }

    static KeySchemaElement hash(String attribute) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.HASH).build();
    }

    static KeySchemaElement range(String attribute) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.RANGE).build();
    }

    static AttributeDefinition string(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build();
    }

    static AttributeDefinition number(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.N).build();
    }

    /** The failure of that type among the causes of a start-up failure; fails the test when there is none. */
    static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        Throwable error = failure;
        while (error != null && !type.isInstance(error)) {
            error = error.getCause();
        }
        assertThat(error).as("a %s in %s", type.getSimpleName(), failure).isNotNull();
        return type.cast(error);
    }
}
