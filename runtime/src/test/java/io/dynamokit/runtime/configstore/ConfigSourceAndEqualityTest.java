package io.dynamokit.runtime.configstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.dynamokit.configstore.ConfigOption;

/** Which property names enable a store's configuration source, how values become text, and value equality. */
class ConfigSourceAndEqualityTest {

    @Test
    void propertyNamesSayWhichStoreEnablesItsSource() {
        assertThat(ConfigStoreSources.storeOf("quarkus.dynamokit.config-stores.config-source.enabled"))
                .isEqualTo("<default>");
        assertThat(ConfigStoreSources.storeOf("quarkus.dynamokit.config-stores.\"flags\".config-source.enabled"))
                .isEqualTo("flags");
        assertThat(ConfigStoreSources.storeOf("quarkus.dynamokit.config-stores.flags.config-source.enabled"))
                .isEqualTo("flags");
        assertThat(ConfigStoreSources.storeOf("quarkus.dynamokit.config-stores.\"a.b\".config-source.enabled"))
                .isEqualTo("a.b");
        assertThat(ConfigStoreSources.storeOf("quarkus.dynamokit.config-stores.flags.config-source.ordinal")).isNull();
        assertThat(ConfigStoreSources.storeOf("quarkus.dynamokit.config-stores.flagsconfig-source.enabled")).isNull();
        assertThat(ConfigStoreSources.storeOf("quarkus.other.config-source.enabled")).isNull();
    }

    @Test
    void optionsBecomePropertiesNamedOptionDotKey() {
        StoreConfigSource source = new StoreConfigSource("flags", 275);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("enabled", true);
        values.put("limit", 10L);
        values.put("ratio", new BigDecimal("1E+3"));
        values.put("regions", List.of("eu-west-1", "a,b", "back\\slash"));
        values.put("nested", Map.of("x", 1));
        values.put("binary", new byte[] { 1 });
        values.put("nothing", null);
        source.publish(Map.of("posting", new ConfigOption("posting", values, 3)));

        assertThat(source.getProperties()).containsOnly(Map.entry("posting.enabled", "true"),
                Map.entry("posting.limit", "10"), Map.entry("posting.ratio", "1000"),
                Map.entry("posting.regions", "eu-west-1,a\\,b,back\\\\slash"));
        assertThat(source.getValue("posting.enabled")).isEqualTo("true");
        assertThat(source.getOrdinal()).isEqualTo(275);
        assertThat(source.getName()).isEqualTo("DynamoKitConfigStore[flags]");

        source.publish(Map.of());
        assertThat(source.getPropertyNames()).isEmpty();
    }

    @Test
    void binaryValuesCompareByContent() {
        assertThat(ValuesEquality.same(Map.of("b", new byte[] { 1, 2 }), Map.of("b", new byte[] { 1, 2 }))).isTrue();
        assertThat(ValuesEquality.same(Map.of("b", new byte[] { 1, 2 }), Map.of("b", new byte[] { 1, 3 }))).isFalse();
        assertThat(ValuesEquality.same(List.of(new byte[] { 1 }), List.of(new byte[] { 1 }))).isTrue();
        assertThat(ValuesEquality.same(Set.of("a", "b"), Set.of("b", "a"))).isTrue();
        assertThat(ValuesEquality.same(Map.of("n", 1L), Map.of("n", 2L))).isFalse();
        assertThat(ValuesEquality.same(Map.of("n", 1L), Map.of("m", 1L))).isFalse();
    }
}
