package io.dynamokit.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Each capability checks its own settings, and one start-up failure lists the problems of all of them, grouped by
 * property prefix: the client, the document client, the exception mappers and the declared tables.
 */
public class EveryRoomsProblemsAreReportedTogetherTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.dynamokit.tables.Bad.billing-mode", "free")
            .overrideConfigKey("quarkus.dynamokit.tables.Bad.hash-key", "Id:S")
            .overrideConfigKey("quarkus.dynamokit.exception-mappers.no-credentials-status", "503")
            .overrideConfigKey("quarkus.dynamokit.document.batch-max-retries", "-1")
            .overrideConfigKey("quarkus.dynamokit.document.batch-concurrency", "0")
            .overrideConfigKey("quarkus.dynamokit.document.batch-base-backoff", "-5MS")
            .overrideConfigKey("quarkus.dynamokit.document.batch-max-backoff", "-10MS")
            .overrideConfigKey("quarkus.dynamokit.client.max-in-flight", "0")
            .assertException(t -> {
                Throwable error = t;
                while (error != null && !(error instanceof ConfigurationException)) {
                    error = error.getCause();
                }
                assertThat(error).as("a ConfigurationException in %s", t).isNotNull();
                String message = error.getMessage();
                assertThat(message).startsWith("Invalid DynamoKit configuration:")
                        .containsSubsequence(
                                "quarkus.dynamokit.client.max-in-flight is 0: use 1 or more",
                                "quarkus.dynamokit.document.batch-max-retries is -1: use 0 or more",
                                "quarkus.dynamokit.document.batch-concurrency is 0: use 1 or more",
                                "quarkus.dynamokit.document.batch-base-backoff is PT-0.005S: use a duration of zero or more",
                                "quarkus.dynamokit.document.batch-max-backoff is PT-0.01S: use a duration at least as long "
                                        + "as batch-base-backoff",
                                "quarkus.dynamokit.exception-mappers.no-credentials-status is 503: use 500 or 429",
                                "quarkus.dynamokit.tables.");
                assertThat(message).contains("free");
                // each problem once: every capability checks its own settings, once
                assertThat(message.split("no-credentials-status", -1)).hasSize(2);
                assertThat(message.split("batch-concurrency is", -1)).hasSize(2);
                assertThat(message.split("max-in-flight is", -1)).hasSize(2);
            });

    @Test
    void startupFails() {
        fail("the application must not start with invalid settings");
    }
}
