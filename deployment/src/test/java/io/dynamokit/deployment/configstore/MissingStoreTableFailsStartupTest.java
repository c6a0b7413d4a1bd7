package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.configstore.ConfigStoreTableException;
import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** With {@code create-table=false}, a missing table fails start-up, saying how to fix it, and is not created. */
public class MissingStoreTableFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(
                    () -> System.setProperty("quarkus.dynamodb.endpoint-override", EmbeddedDynamoDbFixture.endpoint()))
            .setAfterAllCustomizer(() -> System.clearProperty("quarkus.dynamodb.endpoint-override"))
            .overrideConfigKey("quarkus.dynamokit.config-stores.table", "StoreNeverCreated")
            .overrideConfigKey("quarkus.dynamokit.config-stores.create-table", "false")
            .assertException(t -> {
                Throwable error = StoreFixtures.find(t, ConfigStoreTableException.class);
                assertThat(error).as("a ConfigStoreTableException in %s", t).isNotNull();
                assertThat(error.getMessage()).isEqualTo("Table 'StoreNeverCreated' of config store '<default>' does "
                        + "not exist: create it (hash key _store (S), range key _option (S)), or set "
                        + "quarkus.dynamokit.config-stores.create-table=true");
                try (DynamoDbClient dynamo = StoreFixtures.testDynamoDb()) {
                    assertThat(dynamo.listTablesPaginator().tableNames()).doesNotContain("StoreNeverCreated");
                }
            });

    @Test
    void startupFails() {
        fail("start-up should have failed");
    }
}
