package io.dynamokit.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.LoopbackPorts;
import io.dynamokit.test.fault.RecordedRequest;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@code quarkus.dynamokit.client.retry.*} reaches the SDK's retry strategy: N faults then success, and failure after
 * exactly max-retries + 1 attempts, for sync and async clients.
 */
public class RetrySettingsAreHonouredTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(RetrySettingsAreHonouredTest.class.getName());
    private static FaultProxy proxy;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(() -> EmbeddedDynamoDbFixture.endpoint())
            .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + PROXY_PORT)
            .overrideConfigKey("quarkus.dynamokit.client.retry.max-retries", "3")
            .overrideConfigKey("quarkus.dynamokit.client.retry.base-backoff", "1MS")
            .overrideConfigKey("quarkus.dynamokit.client.retry.throttling-base-backoff", "2MS");

    @Inject
    DynamoDbClient client;

    @Inject
    DynamoDbAsyncClient asyncClient;

    @BeforeEach
    void freshProxyAndTable() {
        if (proxy == null) {
            proxy = FaultProxy.start(URI.create(System.getProperty("io.dynamokit.test.engine-endpoint")), PROXY_PORT);
        }
        proxy.clearRules();
        try {
            client.createTable(b -> b.tableName("Retries")
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException alreadyThere) {
            // created by an earlier test of this class
        }
        proxy.clearRequests();
    }

    @Test
    void throttledThreeTimesThenStoredOnTheFourthAttempt() {
        proxy.addRule(FaultRule.provisionedThroughputExceeded().first(3).forOperation("PutItem"));

        client.putItem(b -> b.tableName("Retries").item(Map.of("id", AttributeValue.fromS("throttled"))));

        assertThat(outcomes("PutItem")).containsExactly("ProvisionedThroughputExceededException",
                "ProvisionedThroughputExceededException", "ProvisionedThroughputExceededException", "forwarded");
        assertThat(client.getItem(b -> b.tableName("Retries").consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS("throttled")))).item()).isNotEmpty();
    }

    @Test
    void failsAfterMaxRetriesPlusOneAttempts() {
        proxy.addRule(FaultRule.internalServerError().forOperation("GetItem"));

        assertThatThrownBy(() -> client.getItem(b -> b.tableName("Retries")
                .key(Map.of("id", AttributeValue.fromS("never")))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.numAttempts()).isEqualTo(4);
                });
        assertThat(outcomes("GetItem")).hasSize(4).containsOnly("InternalServerError");
    }

    @Test
    void asyncClientRetriesThrottlingTheSameWay() throws Exception {
        proxy.addRule(FaultRule.throttlingException().first(2).forOperation("PutItem"));

        asyncClient.putItem(b -> b.tableName("Retries").item(Map.of("id", AttributeValue.fromS("async"))))
                .get(30, TimeUnit.SECONDS);

        assertThat(outcomes("PutItem")).containsExactly("ThrottlingException", "ThrottlingException", "forwarded");
    }

    @Test
    void resetConnectionIsRetried() {
        proxy.addRule(FaultRule.resetConnection().first(1).forOperation("PutItem"));

        client.putItem(b -> b.tableName("Retries").item(Map.of("id", AttributeValue.fromS("reset"))));

        assertThat(outcomes("PutItem")).containsExactly("reset", "forwarded");
    }

    private static List<String> outcomes(String operation) {
        return proxy.requests().stream().filter(r -> operation.equals(r.operation()))
                .map(RecordedRequest::outcome).toList();
    }
}
