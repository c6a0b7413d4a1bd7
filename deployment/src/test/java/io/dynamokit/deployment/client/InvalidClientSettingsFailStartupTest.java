package io.dynamokit.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Every invalid client setting is reported at once, each with its property and the values it accepts.
 */
public class InvalidClientSettingsFailStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.dynamokit.client.retry.max-retries", "-1")
            .overrideConfigKey("quarkus.dynamokit.client.max-in-flight", "0")
            .overrideConfigKey("quarkus.dynamokit.client.read-capacity-units", "-5")
            .overrideConfigKey("quarkus.dynamokit.client.write-capacity-units", "0")
            .overrideConfigKey("quarkus.dynamokit.client.retry.base-backoff", "-1S")
            .overrideConfigKey("quarkus.dynamokit.client.extra-headers.\"X Bad(Name)\"", "v")
            .overrideConfigKey("quarkus.dynamokit.client.extra-headers.X-Amz-Target", "DynamoDB_20120810.DeleteTable")
            .overrideConfigKey("quarkus.dynamokit.client.extra-headers.X-Api-Authorization", "s3cr3t-token-value")
            .assertException(t -> {
                Throwable error = t;
                while (error != null && !(error instanceof ConfigurationException)) {
                    error = error.getCause();
                }
                assertThat(error).as("a ConfigurationException in %s", t).isNotNull();
                assertThat(error.getMessage())
                        .startsWith("Invalid DynamoKit configuration:")
                        .contains("quarkus.dynamokit.client.retry.max-retries is -1: use 0 (no retries) or more")
                        .contains("quarkus.dynamokit.client.max-in-flight is 0: use 1 or more, or leave it unset for no bound")
                        .contains("quarkus.dynamokit.client.read-capacity-units is -5: use 1 or more")
                        .contains("quarkus.dynamokit.client.write-capacity-units is 0: use 1 or more")
                        .contains("quarkus.dynamokit.client.retry.base-backoff is PT-1S: use a duration of zero or more")
                        .contains("quarkus.dynamokit.client.extra-headers.\"X Bad(Name)\": the header name 'X Bad(Name)' "
                                + "is not a valid HTTP header name")
                        .contains("quarkus.dynamokit.client.extra-headers.\"X-Amz-Target\": the header 'X-Amz-Target' "
                                + "is set by the AWS SDK itself and cannot be overridden")
                        .doesNotContain("X-Api-Authorization")
                        .doesNotContain("s3cr3t-token-value");
            });

    @Test
    void startupFails() {
        fail("the application must not start with invalid client settings");
    }
}
