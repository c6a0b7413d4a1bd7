package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.configstore.ConfigStoreTableException;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.runtime.configstore.DefaultConfigStore;
import io.dynamokit.runtime.configstore.StoreSettings;
import io.dynamokit.runtime.configstore.StoreSettings.Mode;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;

/**
 * A {@code cached} or {@code periodic} store that has not loaded its options yet refuses writes before sending
 * anything, with or without optimistic locking: it could not serve what it wrote.
 */
public class WritesBeforeTheFirstLoadWriteNothingTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(StoreFixtures.class))
            .overrideConfigKey("quarkus.dynamokit.config-stores.table", "StoreUnloaded");

    @Inject
    DocumentClient documents;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void everyWriteIsRefusedAndNothingReachesTheTable() {
        StoreFixtures.put(dynamo, "StoreUnloaded", "unloaded", "kept", Map.of("v", AttributeValue.fromN("1")));
        String notLoaded = "Config store 'unloaded' has not loaded its options yet (table 'StoreUnloaded')";
        for (Mode mode : List.of(Mode.CACHED, Mode.PERIODIC)) {
            for (String versionAttribute : new String[] { null, "_version" }) {
                DefaultConfigStore store = unloaded(mode, versionAttribute);
                String which = mode + (versionAttribute == null ? "" : " with optimistic locking");
                List<ThrowingCallable> writes = new ArrayList<>(List.of(() -> store.set("new", Map.of("v", 2)),
                        () -> store.update("new", Map.of("v", 2)), () -> store.update("kept", Map.of("v", 2)),
                        () -> store.delete("kept")));
                if (versionAttribute != null) {
                    writes.add(() -> store.set(new ConfigOption("kept", Map.of(), 0), Map.of("v", 2)));
                }
                for (ThrowingCallable write : writes) {
                    assertThatThrownBy(write).as(which).isInstanceOf(ConfigStoreTableException.class)
                            .hasMessage(notLoaded + "; nothing was written")
                            .satisfies(e -> assertThat(((ConfigStoreTableException) e).problem())
                                    .isEqualTo(ConfigStoreTableException.Problem.NOT_READY));
                }
                assertThatThrownBy(() -> store.get("kept")).as(which).isInstanceOf(ConfigStoreTableException.class)
                        .hasMessage(notLoaded);
                assertThat(items()).as(which).containsExactly(Map.of("_store", AttributeValue.fromS("unloaded"),
                        "_option", AttributeValue.fromS("kept"), "v", AttributeValue.fromN("1")));
            }
        }
    }

    @Test
    void onceLoadedTheSameStoreWrites() {
        DefaultConfigStore store = unloaded(Mode.CACHED, null);
        store.reload();
        store.set("after-load", Map.of("v", 3));
        assertThat(store.get("after-load", "v")).contains(3L);
        store.delete("after-load");
        assertThat(items()).noneMatch(item -> item.get("_option").s().equals("after-load"));
    }

    private DefaultConfigStore unloaded(Mode mode, String versionAttribute) {
        StoreSettings settings = new StoreSettings("unloaded", "StoreUnloaded", "unloaded", "_store", "_option", mode,
                Duration.ofHours(1), versionAttribute, false, BillingMode.PROVISIONED, 1, 1, Duration.ofSeconds(10),
                false);
        return DefaultConfigStore.of(settings, documents, change -> {
        }, options -> {
        });
    }

    private List<Map<String, AttributeValue>> items() {
        return dynamo.query(b -> b.tableName("StoreUnloaded").keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "_store"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("unloaded"))).consistentRead(true))
                .items();
    }
}
