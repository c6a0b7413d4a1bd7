package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A store's table that stays CREATING (the fault proxy rewrites DynamoDB's answers) fails start-up once
 * {@code table-ready-timeout} has passed, with {@code NOT_READY} and the status last seen.
 */
public class StoreTableNotActiveInTimeFailsStartupTest {

    private static FaultProxy proxy;
    private static FaultRule creating;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(StoreTableNotActiveInTimeFailsStartupTest::tableForeverCreating)
            .setAfterAllCustomizer(StoreTableNotActiveInTimeFailsStartupTest::closeProxy)
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"flags\".table", "StoreForeverCreating")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"flags\".table-ready-timeout", "1S")
            .assertException(t -> {
                StoreFixtures.assertTableProblem(t, "NOT_READY", "Table 'StoreForeverCreating' of config store"
                        + " 'flags' is not ACTIVE within PT1S (quarkus.dynamokit.config-stores.\"flags\".table-ready-timeout): Table"
                        + " StoreForeverCreating was not ACTIVE with all its global secondary indexes within PT1S"
                        + " (last seen: CREATING)");
                // the first answer, then polls until the timeout: more than one, all rewritten
                assertThat(creating.timesApplied()).isGreaterThan(2);
            });

    static void tableForeverCreating() {
        try (DynamoDbClient dynamo = StoreFixtures.testDynamoDb()) {
            StoreFixtures.table(dynamo, "StoreForeverCreating", "_store", "_option");
        }
        creating = FaultRule.rewriteDescribeTable("StoreForeverCreating", "CREATING");
        proxy = StoreFixtures.startupThrough(creating);
    }

    static void closeProxy() {
        StoreFixtures.closeStartupProxy(proxy);
    }

    @Test
    void startupFails() {
        fail("start-up should have failed");
    }
}
