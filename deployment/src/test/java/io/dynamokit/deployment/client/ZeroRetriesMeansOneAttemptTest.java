package io.dynamokit.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

public class ZeroRetriesMeansOneAttemptTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(ZeroRetriesMeansOneAttemptTest.class.getName());

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(() -> EmbeddedDynamoDbFixture.endpoint())
            .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + PROXY_PORT)
            .overrideConfigKey("quarkus.dynamokit.client.retry.max-retries", "0");

    @Inject
    DynamoDbClient client;

    @Test
    void serviceUnavailableIsNotRetried() {
        try (FaultProxy proxy = FaultProxy.start(URI.create(System.getProperty("io.dynamokit.test.engine-endpoint")),
                PROXY_PORT)) {
            proxy.addRule(FaultRule.serviceUnavailable().forOperation("ListTables"));

            assertThatThrownBy(() -> client.listTables())
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
            assertThat(proxy.requests()).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isEqualTo("ServiceUnavailable"));
        }
    }
}
