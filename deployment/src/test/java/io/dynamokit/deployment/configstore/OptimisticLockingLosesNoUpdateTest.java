package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.configstore.ConfigStoreConflictException;
import io.dynamokit.configstore.ConfigStoreName;
import io.dynamokit.configstore.InvalidConfigOptionException;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * With optimistic locking, 16 threads writing one option lose no update: every write either lands, with the next
 * version, or fails with a conflict and writes nothing. Two stores over the same data (a cached one and a direct one,
 * as two instances of an application would be) take turns.
 */
public class OptimisticLockingLosesNoUpdateTest {

    static final int THREADS = 16;
    static final int INCREMENTS = 10;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.dynamokit.config-stores.table", "StoreLocked")
            .overrideConfigKey("quarkus.dynamokit.config-stores.optimistic-locking", "true")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"twin\".table", "StoreLocked")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"twin\".store-name", "default")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"twin\".mode", "direct")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"twin\".optimistic-locking", "true")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"unlocked\".table", "StoreLocked")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"unlocked\".store-name", "default");

    @Inject
    ConfigStore cached;

    @Inject
    @ConfigStoreName("twin")
    ConfigStore direct;

    @Inject
    @ConfigStoreName("unlocked")
    ConfigStore unlocked;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void readModifyWriteFromSixteenThreadsCountsEveryIncrement() throws Exception {
        ConfigOption start = cached.set("counter", Map.of("count", 0));
        assertThat(start.version()).isEqualTo(1L);
        AtomicInteger conflicts = new AtomicInteger();
        List<Callable<Integer>> writers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < THREADS; t++) {
            ConfigStore store = t % 2 == 0 ? cached : direct;
            writers.add(() -> {
                go.await();
                int landed = 0;
                while (landed < INCREMENTS) {
                    ConfigOption current = store.option("counter");
                    long count = (Long) current.values().get("count");
                    try {
                        ConfigOption written = store.set(current, Map.of("count", count + 1));
                        assertThat(written.version()).isEqualTo(current.version() + 1);
                        landed++;
                    } catch (ConfigStoreConflictException e) {
                        assertThat(e.expectedVersion()).isEqualTo(current.version());
                        conflicts.incrementAndGet();
                    }
                }
                return landed;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> writer : writers) {
                results.add(pool.submit(writer));
            }
            go.countDown();
            int landed = 0;
            for (Future<Integer> result : results) {
                landed += result.get(120, TimeUnit.SECONDS);
            }
            assertThat(landed).isEqualTo(THREADS * INCREMENTS);
        } finally {
            pool.shutdownNow();
        }
        ConfigOption end = direct.option("counter");
        assertThat(end.values()).isEqualTo(Map.of("count", (long) THREADS * INCREMENTS));
        assertThat(end.version()).isEqualTo(1L + THREADS * INCREMENTS);
        assertThat(end.values()).doesNotContainKey("_version");
        assertThat(dynamo.getItem(b -> b.tableName("StoreLocked").consistentRead(true)
                .key(Map.of("_store", AttributeValue.fromS("default"), "_option", AttributeValue.fromS("counter"))))
                .item().get("_version").n()).isEqualTo(String.valueOf(1L + THREADS * INCREMENTS));
        System.out.println("conflicts while counting: " + conflicts.get());
    }

    @Test
    void blindWritesFromSixteenThreadsEitherLandOrConflict() throws Exception {
        cached.set("blind", Map.of("writer", -1));
        long before = cached.option("blind").version();
        Set<Integer> landed = ConcurrentHashMap.newKeySet();
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int writer = t;
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        cached.set("blind", Map.of("writer", writer));
                        landed.add(writer);
                    } catch (ConfigStoreConflictException e) {
                        conflicts.incrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> result : results) {
                result.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(landed.size() + conflicts.get()).isEqualTo(THREADS);
        assertThat(landed).isNotEmpty();
        ConfigOption end = direct.option("blind");
        assertThat(end.version()).isEqualTo(before + landed.size());
        assertThat(landed).contains(((Long) end.values().get("writer")).intValue());
        assertThat(cached.option("blind")).isEqualTo(end);
    }

    @Test
    void staleBasisConflictsAndWritesNothing() {
        ConfigOption first = cached.set("stale", Map.of("v", "one"));
        direct.set(direct.option("stale"), Map.of("v", "two"));
        assertThatThrownBy(() -> cached.set(first, Map.of("v", "three")))
                .isInstanceOf(ConfigStoreConflictException.class)
                .hasMessage("Option 'stale' of config store '<default>' was changed by another writer (expected version "
                        + first.version() + "); nothing was written: read the option again and retry");
        assertThat(direct.get("stale")).isEqualTo(Map.of("v", "two"));
        // the conflict taught the cached store the winning version: the next write lands
        assertThat(cached.get("stale")).isEqualTo(Map.of("v", "two"));
        assertThat(cached.update("stale", Map.of("w", 1)).version()).isEqualTo(first.version() + 2);
    }

    @Test
    void withoutLockingTheVersionedWriteIsRefused() {
        unlocked.set("plain", Map.of("v", 1));
        ConfigOption plain = unlocked.option("plain");
        assertThat(plain.version()).isZero();
        assertThatThrownBy(() -> unlocked.set(plain, Map.of("v", 2))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set quarkus.dynamokit.config-stores.\"unlocked\".optimistic-locking=true");
        assertThatThrownBy(() -> cached.set("x", Map.of("_version", 3)))
                .isInstanceOf(InvalidConfigOptionException.class)
                .hasMessageContaining("'_version' is the store's version attribute");
    }
}
