package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.configstore.ConfigStoreTableException;
import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A table whose keys are the other way round fails start-up with the schema error, saying what was expected and what
 * was found.
 */
public class StoreTableProblemsFailStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(StoreTableProblemsFailStartupTest::reversedTable)
            .setAfterAllCustomizer(() -> System.clearProperty("quarkus.dynamodb.endpoint-override"))
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"flags\".table", "StoreReversed")
            .assertException(t -> {
                Throwable error = StoreFixtures.find(t, ConfigStoreTableException.class);
                assertThat(error).as("a ConfigStoreTableException in %s", t).isNotNull();
                assertThat(error.getMessage()).isEqualTo("Table 'StoreReversed' cannot hold config store 'flags': "
                        + "expected hash key _store and range key _option, found hash key _option and range key _store. "
                        + "Point quarkus.dynamokit.config-stores.\"flags\".table at another table, or set "
                        + "quarkus.dynamokit.config-stores.\"flags\".store-key-attribute and option-key-attribute to "
                        + "this table's keys");
            });

    static void reversedTable() {
        System.setProperty("quarkus.dynamodb.endpoint-override", EmbeddedDynamoDbFixture.endpoint());
        try (DynamoDbClient dynamo = StoreFixtures.testDynamoDb()) {
            StoreFixtures.table(dynamo, "StoreReversed", "_option", "_store");
        }
    }

    @Test
    void startupFails() {
        fail("start-up should have failed");
    }
}
