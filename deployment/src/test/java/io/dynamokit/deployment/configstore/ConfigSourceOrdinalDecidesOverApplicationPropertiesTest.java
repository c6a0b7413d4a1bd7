package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code config-source.ordinal} decides between a store and {@code application.properties} (ordinal 250) for the same
 * property: a store at 200 loses to it, a store at 300 wins over it, for injection and for programmatic lookups.
 */
public class ConfigSourceOrdinalDecidesOverApplicationPropertiesTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Settings.class, StoreFixtures.class))
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(ConfigSourceOrdinalDecidesOverApplicationPropertiesTest::sameOptionInBothStores)
            .setAfterAllCustomizer(() -> System.clearProperty("quarkus.dynamodb.endpoint-override"))
            .overrideConfigKey("below.color", "from-application-properties")
            .overrideConfigKey("above.color", "from-application-properties")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"low\".table", "StoreOrdinals")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"low\".config-source.enabled", "true")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"low\".config-source.ordinal", "200")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"high\".table", "StoreOrdinals")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"high\".config-source.enabled", "true")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"high\".config-source.ordinal", "300");

    static void sameOptionInBothStores() {
        System.setProperty("quarkus.dynamodb.endpoint-override", EmbeddedDynamoDbFixture.endpoint());
        try (DynamoDbClient dynamo = StoreFixtures.testDynamoDb()) {
            StoreFixtures.table(dynamo, "StoreOrdinals", "_store", "_option");
            StoreFixtures.put(dynamo, "StoreOrdinals", "low", "below", Map.of("color", AttributeValue.fromS("from-low"),
                    "size", AttributeValue.fromN("1")));
            StoreFixtures.put(dynamo, "StoreOrdinals", "high", "above",
                    Map.of("color", AttributeValue.fromS("from-high")));
        }
    }

    @ApplicationScoped
    public static class Settings {

        @ConfigProperty(name = "below.color")
        String below;

        @ConfigProperty(name = "above.color")
        String above;

        @ConfigProperty(name = "below.size")
        int belowSize;

        public String below() {
            return below;
        }

        public String above() {
            return above;
        }

        public int belowSize() {
            return belowSize;
        }
    }

    @Inject
    Settings settings;

    @Test
    void theHigherOrdinalWins() {
        assertThat(settings.below()).isEqualTo("from-application-properties");
        assertThat(settings.above()).isEqualTo("from-high");
        // a property only the low store has is still served by it
        assertThat(settings.belowSize()).isEqualTo(1);

        ConfigValue below = ConfigProvider.getConfig().getConfigValue("below.color");
        assertThat(below.getValue()).isEqualTo("from-application-properties");
        assertThat(below.getSourceOrdinal()).isEqualTo(250);
        ConfigValue above = ConfigProvider.getConfig().getConfigValue("above.color");
        assertThat(above.getValue()).isEqualTo("from-high");
        assertThat(above.getSourceName()).isEqualTo("DynamoKitConfigStore[high]");
        assertThat(above.getSourceOrdinal()).isEqualTo(300);
        assertThat(ConfigProvider.getConfig().getConfigValue("below.size").getSourceName())
                .isEqualTo("DynamoKitConfigStore[low]");
    }
}
