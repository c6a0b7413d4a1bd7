package io.dynamokit.runtime.configstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.dynamokit.runtime.config.ConfigStoreConfig;
import io.dynamokit.runtime.configstore.ConfigStoreProperties.StoreProperty;
import io.smallrye.config.WithName;

/** Which store a property under quarkus.dynamokit.config-stores belongs to, and which key it sets. */
class ConfigStorePropertiesTest {

    @Test
    void theUnnamedStoreOwnsTheKeysRightAfterThePrefix() {
        assertThat(ConfigStoreProperties.parse("quarkus.dynamokit.config-stores.table"))
                .isEqualTo(new StoreProperty("<default>", "table"));
        assertThat(ConfigStoreProperties.parse("quarkus.dynamokit.config-stores.config-source.enabled"))
                .isEqualTo(new StoreProperty("<default>", "config-source.enabled"));
    }

    @Test
    void aNamedStoreIsQuotedOrOneSegment() {
        assertThat(ConfigStoreProperties.parse("quarkus.dynamokit.config-stores.\"flags\".mode"))
                .isEqualTo(new StoreProperty("flags", "mode"));
        assertThat(ConfigStoreProperties.parse("quarkus.dynamokit.config-stores.flags.mode"))
                .isEqualTo(new StoreProperty("flags", "mode"));
        assertThat(ConfigStoreProperties.parse("quarkus.dynamokit.config-stores.\"a.b\".config-source.ordinal"))
                .isEqualTo(new StoreProperty("a.b", "config-source.ordinal"));
    }

    @Test
    void theProfileIsIgnored() {
        assertThat(ConfigStoreProperties.parse("%dev.quarkus.dynamokit.config-stores.\"flags\".table"))
                .isEqualTo(new StoreProperty("flags", "table"));
        assertThat(ConfigStoreProperties.withoutProfile("%test.quarkus.x")).isEqualTo("quarkus.x");
        assertThat(ConfigStoreProperties.parse("%dev")).isNull();
    }

    @Test
    void otherPropertiesBelongToNoStore() {
        assertThat(ConfigStoreProperties.parse("quarkus.dynamokit.tables.\"Thread\".hash-key")).isNull();
        assertThat(ConfigStoreProperties.parse("quarkus.dynamokit.config-stores.flags")).isNull();
        assertThat(ConfigStoreProperties.parse("quarkus.dynamokit.config-stores.\"\".table")).isNull();
    }

    @Test
    void theKeysAreThoseOfTheConfigMapping() {
        Set<String> mapped = new TreeSet<>();
        for (Method method : ConfigStoreConfig.class.getDeclaredMethods()) {
            WithName name = method.getAnnotation(WithName.class);
            String kebab = method.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            mapped.add(name != null ? name.value() : kebab);
        }
        assertThat(new TreeSet<>(ConfigStoreProperties.KEYS)).isEqualTo(mapped);
    }

    @Test
    void prefixesQuoteNamedStores() {
        assertThat(ConfigStoreProperties.prefix("<default>")).isEqualTo("quarkus.dynamokit.config-stores.");
        assertThat(ConfigStoreProperties.prefix("flags")).isEqualTo("quarkus.dynamokit.config-stores.\"flags\".");
    }
}
