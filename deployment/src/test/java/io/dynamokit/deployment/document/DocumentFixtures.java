package io.dynamokit.deployment.document;

import java.net.URI;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.test.fault.FaultProxy;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What the document client tests share: an application whose DynamoDB clients go through a fault proxy in front of
 * the tests' own DynamoKit Engine, and the simplest table.
 */
final class DocumentFixtures {

    private DocumentFixtures() {
    }

    /** An application with these fixtures in it, for the tests that run inside it. */
    static QuarkusUnitTest app() {
        return new QuarkusUnitTest().withApplicationRoot(jar -> jar.addClass(DocumentFixtures.class));
    }

    /** An application configured as in production, its endpoint the proxy that {@link #startProxy(int)} starts. */
    static QuarkusUnitTest appBehindProxy(int proxyPort) {
        return app()
                .withConfigurationResource("explicit-endpoint.properties")
                .setBeforeAllCustomizer(() -> EmbeddedDynamoDbFixture.endpoint())
                .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + proxyPort);
    }

    /** The proxy in front of the tests' own DynamoKit Engine; run from the tests, once the application has started it. */
    static FaultProxy startProxy(int proxyPort) {
        return FaultProxy.start(URI.create(System.getProperty(EmbeddedDynamoDbFixture.ENDPOINT_PROPERTY)), proxyPort);
    }

    /** An on-demand table with a string hash key and nothing else. */
    static CreateTableRequest keyedBy(String tableName, String hashKey) {
        return CreateTableRequest.builder().tableName(tableName)
                .keySchema(KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName(hashKey)
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build();
    }

    /** An on-demand table with string hash key {@code pk} and a global secondary index {@code ByGk} on {@code gk}. */
    static CreateTableRequest keyedByWithIndex(String tableName) {
        return CreateTableRequest.builder().tableName(tableName)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("gk").attributeType(ScalarAttributeType.S).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ByGk")
                        .keySchema(KeySchemaElement.builder().attributeName("gk").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build();
    }
}
