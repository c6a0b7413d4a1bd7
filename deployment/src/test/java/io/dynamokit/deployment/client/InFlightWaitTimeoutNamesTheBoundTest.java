package io.dynamokit.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A call that cannot get a slot within {@code max-in-flight-wait} fails with a message naming both properties, and
 * the slot of the slow call is given back once it finishes.
 */
public class InFlightWaitTimeoutNamesTheBoundTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(InFlightWaitTimeoutNamesTheBoundTest.class.getName());

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(() -> EmbeddedDynamoDbFixture.endpoint())
            .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + PROXY_PORT)
            .overrideConfigKey("quarkus.dynamokit.client.max-in-flight", "1")
            .overrideConfigKey("quarkus.dynamokit.client.max-in-flight-wait", "100MS");

    @Inject
    DynamoDbClient client;

    @Test
    void secondCallTimesOutWhileTheFirstHoldsTheOnlySlot() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(URI.create(System.getProperty("io.dynamokit.test.engine-endpoint")),
                PROXY_PORT)) {
            client.listTables(); // the client is built and connected before the timing starts
            proxy.clearRequests();
            proxy.addRule(FaultRule.delay(Duration.ofSeconds(3)).first(1));
            CompletableFuture<?> slow = CompletableFuture.runAsync(() -> client.listTables());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (proxy.requestCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(proxy.requestCount()).as("the slow call reached DynamoDB").isEqualTo(1);

            assertThatThrownBy(() -> client.listTables())
                    .isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("1 DynamoDB calls were in flight (quarkus.dynamokit.client.max-in-flight)")
                    .hasMessageContaining("none finished within PT0.1S (quarkus.dynamokit.client.max-in-flight-wait)");

            slow.get(30, TimeUnit.SECONDS);
            client.listTables();
            assertThat(proxy.requestCount()).isEqualTo(2);
        }
    }
}
