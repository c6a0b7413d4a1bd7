package io.dynamokit.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
 * 50 concurrent callers, half on the sync client and half on the async one, against a DynamoDB that answers slowly:
 * never more than {@code quarkus.dynamokit.client.max-in-flight} requests reach it at once, and every call succeeds.
 */
public class InFlightBoundHoldsUnderConcurrencyTest {

    static final int CALLERS = 50;
    private static final int PROXY_PORT = LoopbackPorts.reserve(InFlightBoundHoldsUnderConcurrencyTest.class.getName());

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(() -> EmbeddedDynamoDbFixture.endpoint())
            .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + PROXY_PORT)
            .overrideConfigKey("quarkus.dynamokit.client.max-in-flight", "4")
            .overrideConfigKey("quarkus.dynamokit.client.max-in-flight-wait", "60S");

    @Inject
    DynamoDbClient client;

    @Inject
    DynamoDbAsyncClient asyncClient;

    @Test
    void boundIsNeverExceeded() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(URI.create(System.getProperty("io.dynamokit.test.engine-endpoint")),
                PROXY_PORT)) {
            proxy.addRule(FaultRule.delay(Duration.ofMillis(50)));
            int completed = callConcurrently(client, asyncClient);

            assertThat(completed).isEqualTo(CALLERS);
            assertThat(proxy.requestCount()).isEqualTo(CALLERS);
            assertThat(proxy.maxConcurrentRequests()).isBetween(2, 4);
        }
    }

    static int callConcurrently(DynamoDbClient client, DynamoDbAsyncClient asyncClient) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                if (i % 2 == 0) {
                    calls.add(callers.submit(() -> client.listTables()));
                } else {
                    calls.add(callers.submit(() -> asyncClient.listTables().join()));
                }
            }
            int completed = 0;
            for (Future<?> call : calls) {
                call.get(120, TimeUnit.SECONDS);
                completed++;
            }
            return completed;
        } finally {
            callers.shutdownNow();
        }
    }

}
