package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.configstore.ConfigStoreTableException;
import io.dynamokit.deployment.devservices.TestDynamoDb;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * A missing store table whose creation DynamoDB refuses (the fault proxy answers CreateTable with an error) fails
 * start-up with {@code NOT_CREATED}, DynamoDB's reason and what to do; no table is left behind.
 */
public class StoreTableCreationFailureFailsStartupTest {

    private static FaultProxy proxy;
    private static FaultRule refused;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(StoreTableCreationFailureFailsStartupTest::creationRefused)
            .setAfterAllCustomizer(StoreTableCreationFailureFailsStartupTest::closeProxy)
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"flags\".table", "StoreNeverCreated")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"flags\".create-table", "true")
            .assertException(t -> {
                Throwable error = StoreFixtures.find(t, ConfigStoreTableException.class);
                assertThat(error).as("a ConfigStoreTableException in %s", t).isNotNull();
                assertThat(error.getMessage()).isEqualTo("Table 'StoreNeverCreated' of config store 'flags' could not"
                        + " be created (LimitExceededException: Injected by FaultProxy: LimitExceededException): create"
                        + " it (hash key _store (S), range key _option (S)) yourself, or remove the cause and start"
                        + " again");
                assertThat(String.valueOf(StoreFixtures.problem(error))).isEqualTo("NOT_CREATED");
                assertThat(refused.timesApplied()).isEqualTo(1);
                try (DynamoDbClient dynamo = StoreFixtures.testDynamoDb()) {
                    assertThatThrownBy(() -> dynamo.describeTable(b -> b.tableName("StoreNeverCreated")))
                            .isInstanceOf(ResourceNotFoundException.class);
                }
            });

    static void creationRefused() {
        proxy = FaultProxy.start(URI.create(TestDynamoDb.endpoint()));
        refused = FaultRule.error(400, "LimitExceededException").forOperation("CreateTable");
        proxy.addRule(refused);
        System.setProperty("quarkus.dynamodb.endpoint-override", proxy.uri().toString());
    }

    static void closeProxy() {
        System.clearProperty("quarkus.dynamodb.endpoint-override");
        proxy.close();
    }

    @Test
    void startupFails() {
        fail("start-up should have failed");
    }
}
