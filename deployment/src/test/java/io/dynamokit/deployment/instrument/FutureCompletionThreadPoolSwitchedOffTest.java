package io.dynamokit.deployment.instrument;

import static org.assertj.core.api.Assertions.assertThat;

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
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

/**
 * DynamoKit wraps the async client's future completion executor to carry the measurement scope, and keeps the Quarkus
 * Amazon extension's choice of where it runs: with
 * {@code quarkus.dynamodb.async-client.advanced.use-future-completion-thread-pool=false}, futures complete in place, on
 * the SDK's own threads, never on the Quarkus executor's.
 */
public class FutureCompletionThreadPoolSwitchedOffTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(FutureCompletionThreadPoolSwitchedOffTest.class.getName());

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(() -> EmbeddedDynamoDbFixture.endpoint())
            .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + PROXY_PORT)
            .overrideConfigKey("quarkus.dynamodb.async-client.advanced.use-future-completion-thread-pool", "false");

    @Inject
    DynamoDbAsyncClient asyncClient;

    @Test
    void continuationsRunOnTheSdksThreadsNotOnTheQuarkusExecutor() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(
                URI.create(System.getProperty(EmbeddedDynamoDbFixture.ENDPOINT_PROPERTY)), PROXY_PORT)) {
            // held back so that the continuation is chained before the future completes, and runs where it completes
            proxy.addRule(FaultRule.delay(Duration.ofMillis(500)).forOperation("ListTables"));

            CompletableFuture<ListTablesResponse> call = asyncClient.listTables();
            boolean pendingWhenChained = !call.isDone();
            String completingThread = call.thenApply(tables -> Thread.currentThread().getName())
                    .get(30, TimeUnit.SECONDS);

            assertThat(pendingWhenChained).as("the call was still in flight when the continuation was chained").isTrue();
            assertThat(completingThread).doesNotStartWith("executor-thread").isNotEqualTo(Thread.currentThread().getName());
        }
    }
}
