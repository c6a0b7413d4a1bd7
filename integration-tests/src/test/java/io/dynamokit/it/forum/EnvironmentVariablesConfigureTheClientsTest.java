package io.dynamokit.it.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dynamokit.runtime.config.DynamoKitConfig;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The environment alone configures the clients (surefire sets the variables): it overrides application.properties,
 * and the value reaches the SDK client.
 */
@QuarkusTest
public class EnvironmentVariablesConfigureTheClientsTest {

    @Inject
    DynamoKitConfig config;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void retriesFromTheEnvironmentReachTheSdkClient() {
        assertThat(config.client().retry().maxRetries()).isEqualTo(6);
        assertThat(dynamo.serviceClientConfiguration().overrideConfiguration().retryStrategy())
                .hasValueSatisfying(strategy -> assertThat(strategy.maxAttempts()).isEqualTo(7));
    }

    @Test
    void extraHeaderValuesFromTheEnvironment() {
        assertThat(config.client().extraHeaders()).containsOnly(
                entry("X-Forum-Client", "forum-from-env"),
                entry("X-Forum-Region", "eu-central"));
    }
}
