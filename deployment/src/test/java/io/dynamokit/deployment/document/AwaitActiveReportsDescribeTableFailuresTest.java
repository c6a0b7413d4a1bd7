package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * While waiting for a table, a DescribeTable failure other than "table not found" (here access denied, or a request
 * DynamoDB rejects) ends the wait at once as that failure, not as a table that "was not ACTIVE".
 */
public class AwaitActiveReportsDescribeTableFailuresTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(AwaitActiveReportsDescribeTableFailuresTest.class.getName());

    @RegisterExtension
    static final QuarkusUnitTest APP = DocumentFixtures.appBehindProxy(PROXY_PORT);

    @Inject
    DocumentClient documents;

    @Inject
    ReactiveDocumentClient reactive;

    @Test
    void theFailureSurfacesAsItselfAfterOneRequest() {
        try (FaultProxy proxy = DocumentFixtures.startProxy(PROXY_PORT)) {
            for (String errorCode : new String[] { "AccessDeniedException", "ValidationException" }) {
                proxy.clearRules();
                proxy.addRule(FaultRule.error(400, errorCode).forOperation("DescribeTable"));

                proxy.clearRequests();
                assertThatThrownBy(() -> documents.awaitActive("Guarded", Duration.ofSeconds(30)))
                        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
                            assertThat(e.getMessage()).startsWith("Injected by FaultProxy: " + errorCode);
                        });
                assertThat(proxy.requestCount()).as("DescribeTable calls, blocking").isEqualTo(1);

                proxy.clearRequests();
                assertThatThrownBy(() -> reactive.awaitActive("Guarded", Duration.ofSeconds(30))
                        .await().atMost(Duration.ofSeconds(30)))
                        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
                            assertThat(e.getMessage()).startsWith("Injected by FaultProxy: " + errorCode);
                        });
                assertThat(proxy.requestCount()).as("DescribeTable calls, reactive").isEqualTo(1);
            }

            proxy.clearRules();
            assertThatThrownBy(() -> documents.awaitActive("Guarded", Duration.ofMillis(600)))
                    .hasMessage("Table Guarded was not ACTIVE with all its global secondary indexes within PT0.6S "
                            + "(last seen: missing)");
            assertThatThrownBy(() -> reactive.awaitActive("Guarded", Duration.ofMillis(600)).await().atMost(Duration.ofSeconds(30)))
                    .hasMessage("Table Guarded was not ACTIVE with all its global secondary indexes within PT0.6S "
                            + "(last seen: missing)");
        }
    }
}
