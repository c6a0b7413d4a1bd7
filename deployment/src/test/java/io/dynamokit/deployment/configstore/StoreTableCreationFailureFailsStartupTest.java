package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
                StoreFixtures.assertTableProblem(t, "NOT_CREATED", "Table 'StoreNeverCreated' of config store 'flags'"
                        + " could not be created (LimitExceededException: Injected by FaultProxy:"
                        + " LimitExceededException): create it (hash key _store (S), range key _option (S)) yourself,"
                        + " or remove the cause and start again");
                assertThat(refused.timesApplied()).isEqualTo(1);
                try (DynamoDbClient dynamo = StoreFixtures.testDynamoDb()) {
                    assertThatThrownBy(() -> dynamo.describeTable(b -> b.tableName("StoreNeverCreated")))
                            .isInstanceOf(ResourceNotFoundException.class);
                }
            });

    static void creationRefused() {
        refused = FaultRule.error(400, "LimitExceededException").forOperation("CreateTable");
        proxy = StoreFixtures.startupThrough(refused);
    }

    static void closeProxy() {
        StoreFixtures.closeStartupProxy(proxy);
    }

    @Test
    void startupFails() {
        fail("start-up should have failed");
    }
}
