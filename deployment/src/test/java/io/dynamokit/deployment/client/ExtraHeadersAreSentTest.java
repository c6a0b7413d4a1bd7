package io.dynamokit.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkiverse.amazon.common.AmazonClient;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code quarkus.dynamokit.client.extra-headers} reach DynamoDB on every request of every client.
 */
public class ExtraHeadersAreSentTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(ExtraHeadersAreSentTest.class.getName());

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(() -> EmbeddedDynamoDbFixture.endpoint())
            .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + PROXY_PORT)
            .overrideConfigKey("quarkus.dynamokit.client.extra-headers.X-Tenant", "acme")
            .overrideConfigKey("quarkus.dynamokit.client.extra-headers.X-Gateway-Authorization", "Bearer t0ken");

    @Inject
    DynamoDbClient client;

    @Inject
    DynamoDbAsyncClient asyncClient;

    @Inject
    @AmazonClient("reporting")
    DynamoDbClient namedClient;

    @Test
    void everyClientSendsTheHeaders() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(URI.create(System.getProperty("io.dynamokit.test.engine-endpoint")),
                PROXY_PORT)) {
            client.listTables();
            asyncClient.listTables().get(30, TimeUnit.SECONDS);
            namedClient.listTables();

            assertThat(proxy.requests()).hasSize(3).allSatisfy(request -> {
                assertThat(request.operation()).isEqualTo("ListTables");
                assertThat(request.header("X-Tenant")).isEqualTo("acme");
                assertThat(request.header("x-gateway-authorization")).isEqualTo("Bearer t0ken");
                assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256");
            });
        }
    }
}
