package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Every wrong store setting is named in one start-up failure, with the allowed values. */
public class InvalidStoreSettingsFailStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"a\".table", "StoreInvalid")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"a\".mode", "sometimes")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"a\".billing-mode", "free")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"b\".table", "StoreInvalid")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"b\".mode", "direct")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"b\".config-source.enabled", "true")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"b\".option-key-attribute", "_store")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"c\".mode", "cached")
            .assertException(t -> {
                Throwable error = StoreFixtures.find(t,
                        e -> String.valueOf(e.getMessage()).startsWith("Invalid DynamoKit configuration"));
                assertThat(error).as("the configuration error in %s", t).isNotNull();
                assertThat(error.getMessage()).isEqualTo("""
                        Invalid DynamoKit configuration: config store 'a': quarkus.dynamokit.config-stores."a".mode is \
                        'sometimes': use direct, cached or periodic; quarkus.dynamokit.config-stores."a".billing-mode \
                        is 'free': use provisioned or on-demand
                        Invalid DynamoKit configuration: config store 'b': quarkus.dynamokit.config-stores."b".\
                        store-key-attribute ('_store') and option-key-attribute ('_store') must be two different, \
                        non-empty attribute names; quarkus.dynamokit.config-stores."b".config-source.enabled=true \
                        needs quarkus.dynamokit.config-stores."b".mode=cached or periodic: a configuration source is \
                        read far too often to go to DynamoDB each time
                        Invalid DynamoKit configuration: config store 'c' has no table: set \
                        quarkus.dynamokit.config-stores."c".table""");
            });

    @Test
    void startupFails() {
        fail("start-up should have failed");
    }
}
