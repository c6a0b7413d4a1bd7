package io.dynamokit.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The control for {@link InFlightBoundHoldsUnderConcurrencyTest}: the same load with no bound does overlap more than
 * four requests, so the bound is what keeps them at four.
 */
public class WithoutInFlightBoundConcurrencyIsHigherTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(WithoutInFlightBoundConcurrencyIsHigherTest.class.getName());

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .withApplicationRoot(jar -> jar.addClass(InFlightBoundHoldsUnderConcurrencyTest.class))
            .setBeforeAllCustomizer(() -> EmbeddedDynamoDbFixture.endpoint())
            .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + PROXY_PORT);

    @Inject
    DynamoDbClient client;

    @Inject
    DynamoDbAsyncClient asyncClient;

    @Test
    void moreThanFourRequestsOverlap() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(URI.create(System.getProperty("io.dynamokit.test.engine-endpoint")),
                PROXY_PORT)) {
            proxy.addRule(FaultRule.delay(Duration.ofMillis(200)));
            int completed = InFlightBoundHoldsUnderConcurrencyTest.callConcurrently(client, asyncClient);

            assertThat(completed).isEqualTo(InFlightBoundHoldsUnderConcurrencyTest.CALLERS);
            assertThat(proxy.maxConcurrentRequests()).isGreaterThan(4);
        }
    }
}
