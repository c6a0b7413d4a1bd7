package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.configstore.ConfigStoreName;
import io.dynamokit.configstore.InvalidConfigOptionException;
import io.dynamokit.configstore.OptionNotFoundException;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The seed's behaviours: created tables and their units, custom key attributes, reads without key attributes, reads of
 * some keys, all options, missing options, set replacing the whole item, update merging, delete, data written in the
 * seed's layout by another client, and bad input rejected with nothing written.
 */
public class ConfigStoreReadsAndWritesTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.dynamokit.config-stores.table", "StoreBasics")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"custom\".table", "StoreCustom")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"custom\".mode", "direct")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"custom\".store-key-attribute", "app")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"custom\".option-key-attribute", "setting")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"custom\".read-capacity-units", "3")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"custom\".write-capacity-units", "4")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"direct\".table", "StoreBasics")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"direct\".store-name", "legacy")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"direct\".mode", "direct")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"periodic\".table", "StoreBasics")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"periodic\".mode", "periodic")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"periodic\".refresh-interval", "1H")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"ondemand\".table", "StoreOnDemand")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"ondemand\".billing-mode", "on-demand");

    @Inject
    ConfigStore store;

    @Inject
    @ConfigStoreName("custom")
    ConfigStore custom;

    @Inject
    @ConfigStoreName("direct")
    ConfigStore direct;

    @Inject
    @ConfigStoreName("periodic")
    ConfigStore periodic;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void createdTablesHaveDefaultOrConfiguredUnitsAndTheStoreKeys() {
        TableDescription basics = dynamo.describeTable(b -> b.tableName("StoreBasics")).table();
        assertThat(basics.provisionedThroughput().readCapacityUnits()).isEqualTo(1L);
        assertThat(basics.provisionedThroughput().writeCapacityUnits()).isEqualTo(1L);
        assertThat(basics.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("_store:" + KeyType.HASH, "_option:" + KeyType.RANGE);

        TableDescription table = dynamo.describeTable(b -> b.tableName("StoreCustom")).table();
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(3L);
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(4L);
        assertThat(table.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("app:" + KeyType.HASH, "setting:" + KeyType.RANGE);

        TableDescription onDemand = dynamo.describeTable(b -> b.tableName("StoreOnDemand")).table();
        assertThat(onDemand.provisionedThroughput().readCapacityUnits()).isZero();
        assertThat(onDemand.provisionedThroughput().writeCapacityUnits()).isZero();

        custom.set("db", Map.of("host", "localhost"));
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("StoreCustom")
                .key(Map.of("app", AttributeValue.fromS("custom"), "setting", AttributeValue.fromS("db")))).item();
        assertThat(item).containsOnlyKeys("app", "setting", "host");
    }

    @Test
    void readsLeaveOutTheKeysAndSelectKeys() {
        store.set("mail", Map.of("host", "smtp.example.com", "port", 25, "tls", true));
        assertThat(store.get("mail")).isEqualTo(Map.of("host", "smtp.example.com", "port", 25L, "tls", true));
        assertThat(store.get("mail", "port")).contains(25L);
        assertThat(store.get("mail", "nope")).isEmpty();
        assertThat(store.get("mail", "host", "tls", "nope")).isEqualTo(Map.of("host", "smtp.example.com", "tls", true));
        assertThat(store.contains("mail")).isTrue();
        assertThat(store.option("mail").version()).isZero();
    }

    @Test
    void missingOptionRaisesNotFoundInEveryMode() {
        assertThatThrownBy(() -> store.get("missing")).isInstanceOf(OptionNotFoundException.class)
                .hasMessage("Config store '<default>' (table 'StoreBasics') has no option 'missing'");
        assertThatThrownBy(() -> direct.get("missing", "key")).isInstanceOf(OptionNotFoundException.class)
                .satisfies(e -> assertThat(((OptionNotFoundException) e).option()).isEqualTo("missing"));
        assertThat(store.contains("missing")).isFalse();
        assertThat(direct.contains("missing")).isFalse();
    }

    @Test
    void setReplacesTheWholeItemUpdateMergesDeleteRemoves() {
        for (ConfigStore s : List.of(store, direct, custom)) {
            s.set("limits", Map.of("a", 1, "b", 2));
            s.set("limits", Map.of("c", 3));
            assertThat(s.get("limits")).as(s.storeName()).isEqualTo(Map.of("c", 3L));

            ConfigOption updated = s.update("limits", Map.of("d", "four"));
            assertThat(updated.values()).isEqualTo(Map.of("c", 3L, "d", "four"));
            assertThat(s.get("limits")).isEqualTo(Map.of("c", 3L, "d", "four"));

            s.update("fresh", Map.of("x", 1));
            assertThat(s.get("fresh")).isEqualTo(Map.of("x", 1L));

            s.delete("limits");
            s.delete("fresh");
            s.delete("never-there");
            assertThat(s.contains("limits")).isFalse();
        }
    }

    @Test
    void getAllReturnsEveryOptionOfTheStoreOnly() {
        direct.set("a1", Map.of("v", 1));
        direct.set("a2", Map.of("v", 2));
        store.set("other-store-option", Map.of("v", 3));
        Map<String, Map<String, Object>> all = direct.getAll();
        assertThat(all).containsEntry("a1", Map.of("v", 1L)).containsEntry("a2", Map.of("v", 2L))
                .doesNotContainKey("other-store-option");
        assertThat(store.getAll()).containsKey("other-store-option").doesNotContainKeys("a1", "a2");
    }

    @Test
    void readsDataWrittenInTheSeedLayoutByAnotherClient() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("_store", AttributeValue.fromS("legacy"));
        item.put("_option", AttributeValue.fromS("written-elsewhere"));
        item.put("endpoint", AttributeValue.fromS("https://api.example.com"));
        item.put("timeout", AttributeValue.fromN("2.50"));
        item.put("regions", AttributeValue.fromSs(List.of("eu-west-1", "us-east-1")));
        item.put("nested", AttributeValue.fromM(Map.of("on", AttributeValue.fromBool(false))));
        dynamo.putItem(b -> b.tableName("StoreBasics").item(item));

        assertThat(direct.get("written-elsewhere")).isEqualTo(Map.of("endpoint", "https://api.example.com",
                "timeout", new BigDecimal("2.5"), "regions", Set.of("eu-west-1", "us-east-1"),
                "nested", Map.of("on", false)));
        // the cached store of another store name does not see it; after a reload of its own data, still not
        store.reload();
        assertThat(store.contains("written-elsewhere")).isFalse();
    }

    @Test
    void oversizedItemIsRejectedAndNothingIsWritten() {
        String huge = "x".repeat(410_000);
        for (ConfigStore s : List.of(store, direct)) {
            s.set("big", Map.of("v", "small"));
            assertThatThrownBy(() -> s.set("big", Map.of("v", huge))).as(s.storeName())
                    .isInstanceOf(InvalidConfigOptionException.class)
                    .hasMessageStartingWith("Option 'big' of config store '" + name(s) + "' was rejected by DynamoDB,"
                            + " nothing was written: ")
                    .hasMessageEndingWith("(an item, key attributes included, holds at most 400 KB)");
            assertThat(s.get("big")).isEqualTo(Map.of("v", "small"));
            s.reload();
            assertThat(s.get("big")).isEqualTo(Map.of("v", "small"));
        }
    }

    @Test
    void anUpdateGrowingTheItemPastTheLimitIsRejectedAndNothingIsWritten() {
        String half = "x".repeat(250_000);
        for (ConfigStore s : List.of(store, direct)) {
            s.set("growing", Map.of("a", half));
            assertThatThrownBy(() -> s.update("growing", Map.of("b", half, "c", 1))).as(s.storeName())
                    .isInstanceOf(InvalidConfigOptionException.class)
                    .hasMessageStartingWith("Option 'growing' of config store '" + name(s)
                            + "' was rejected by DynamoDB, nothing was written: ")
                    .hasMessageEndingWith("(an item, key attributes included, holds at most 400 KB)")
                    .satisfies(e -> assertThat(((InvalidConfigOptionException) e).option()).isEqualTo("growing"));
            assertThat(s.get("growing")).containsOnlyKeys("a");
            s.reload();
            assertThat(s.get("growing")).containsOnlyKeys("a");
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("StoreBasics").key(Map.of("_store",
                    AttributeValue.fromS(s.storeName()), "_option", AttributeValue.fromS("growing")))).item();
            assertThat(item).containsOnlyKeys("_store", "_option", "a");
        }
    }

    @Test
    void overLongOptionNamesAreBadInputInEveryModeAndNothingIsWritten() {
        // 513 characters of 2 bytes: 1,026 bytes, over DynamoDB's 1,024 for a range key
        String tooLong = "\u00e9".repeat(513);
        for (ConfigStore s : List.of(store, periodic, direct)) {
            List<ThrowingCallable> calls = List.of(() -> s.get(tooLong), () -> s.get(tooLong, "v"),
                    () -> s.get(tooLong, "v", "w"), () -> s.option(tooLong), () -> s.contains(tooLong),
                    () -> s.set(tooLong, Map.of("v", 1)), () -> s.update(tooLong, Map.of("v", 1)),
                    () -> s.delete(tooLong));
            for (ThrowingCallable call : calls) {
                assertThatThrownBy(call).as(s.storeName()).isInstanceOf(InvalidConfigOptionException.class)
                        .hasMessage("Config store '" + name(s) + "': option name '" + tooLong.substring(0, 40)
                                + "...' is 1026 bytes long; DynamoDB allows at most 1024 (UTF-8) in a range key:"
                                + " choose a shorter name");
            }
            assertThat(s.getAll()).doesNotContainKey(tooLong);
        }

        // the limit is in bytes: 1,024 bytes, or more than a third of it in characters, are stored and read
        String longest = "\u00e9".repeat(512);
        String longAscii = "o".repeat(400);
        for (ConfigStore s : List.of(store, periodic, direct)) {
            s.set(longest, Map.of("v", 1));
            s.update(longAscii, Map.of("v", 2));
            assertThat(s.get(longest, "v")).as(s.storeName()).contains(1L);
            assertThat(s.get(longAscii)).isEqualTo(Map.of("v", 2L));
            s.delete(longest);
            s.delete(longAscii);
            assertThat(s.contains(longest)).isFalse();
        }
    }

    /** The store's name in messages: its key in the configuration. */
    private static String name(ConfigStore s) {
        return switch (s.storeName()) {
            case "default" -> "<default>";
            case "legacy" -> "direct";
            default -> s.storeName();
        };
    }

    @Test
    void badOptionNamesAndValuesAreRejectedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> store.set("", Map.of("v", 1))).isInstanceOf(InvalidConfigOptionException.class)
                .hasMessage("Config store '<default>': an option name must not be empty");
        assertThatThrownBy(() -> store.get("")).isInstanceOf(InvalidConfigOptionException.class)
                .hasMessage("Config store '<default>': an option name must not be empty");
        assertThatThrownBy(() -> direct.get("\u00e9".repeat(600))).isInstanceOf(InvalidConfigOptionException.class)
                .hasMessageContaining("is 1200 bytes long; DynamoDB allows at most 1024");
        assertThatThrownBy(() -> store.set("bad", Map.of("ok", 1, "price", Map.of("amount", Double.NaN))))
                .isInstanceOf(InvalidConfigOptionException.class)
                .hasMessageContaining("Option 'bad' of config store '<default>' cannot be written, nothing was")
                .hasMessageContaining("price.amount");
        assertThatThrownBy(() -> store.update("bad", Map.of("when", new Object())))
                .isInstanceOf(InvalidConfigOptionException.class).hasMessageContaining("when");
        assertThatThrownBy(() -> store.set("bad", Map.of("_option", "x")))
                .isInstanceOf(InvalidConfigOptionException.class)
                .hasMessageContaining("'_option' is the store's key attribute");
        assertThatThrownBy(() -> store.update("bad", Map.of())).isInstanceOf(InvalidConfigOptionException.class)
                .hasMessageContaining("update needs at least one value");
        assertThat(store.contains("bad")).isFalse();
        assertThat(dynamo.getItem(b -> b.tableName("StoreBasics").key(Map.of("_store", AttributeValue.fromS("default"),
                "_option", AttributeValue.fromS("bad")))).hasItem()).isFalse();
    }

    @Test
    void returnedMapsCannotBeChanged() {
        store.set("frozen", Map.of("v", 1));
        assertThatThrownBy(() -> store.get("frozen").put("w", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> store.getAll().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(store.get("frozen", "v")).isEqualTo(Optional.of(1L));
    }
}
