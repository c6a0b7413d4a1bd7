package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.runtime.configstore.PeriodicConfigStore;
import io.dynamokit.runtime.configstore.PeriodicRefresher;
import io.dynamokit.runtime.configstore.StoreSettings;
import io.dynamokit.runtime.configstore.StoreSettings.Mode;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;

/**
 * Periodic stores with different intervals are refreshed by one scheduled task, which reschedules itself: at most one
 * task is ever waiting, every refresh runs on the executor's one thread, no thread is started for a refresh, and each
 * store is refreshed no sooner than its own interval after its previous refresh.
 */
public class OnePeriodicTaskRefreshesEveryStoreTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.dynamokit.config-stores.table", "StoreRefreshed");

    @Inject
    DocumentClient documents;

    @Test
    void oneTaskServesStoresOfDifferentIntervals() throws Exception {
        AtomicInteger threadsCreated = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "refresh-test-" + threadsCreated.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // a rescheduling refresher cancels the task it replaces: drop it from the queue so the queue shows what waits
        executor.setRemoveOnCancelPolicy(true);
        PeriodicRefresher refresher = new PeriodicRefresher(executor);
        Map<String, Duration> intervals = Map.of("fast", Duration.ofMillis(100), "medium", Duration.ofMillis(250),
                "slow", Duration.ofMillis(600));
        Map<String, List<Long>> loadedAt = new ConcurrentHashMap<>();
        Set<String> refreshThreads = ConcurrentHashMap.newKeySet();
        AtomicInteger mostWaiting = new AtomicInteger();
        try {
            for (Map.Entry<String, Duration> store : intervals.entrySet()) {
                List<Long> times = loadedAt.computeIfAbsent(store.getKey(), name -> new CopyOnWriteArrayList<>());
                refresher.add(periodic(store.getKey(), store.getValue(), options -> {
                    times.add(System.nanoTime());
                    refreshThreads.add(Thread.currentThread().getName());
                }));
            }
            assertThat(refresher.size()).isEqualTo(3);
            // one task waits, or none while it runs; the queue is sampled until every store was refreshed 3 times,
            // however long a busy machine takes for that
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> {
                mostWaiting.accumulateAndGet(executor.getQueue().size(), Math::max);
                return loadedAt.values().stream().allMatch(times -> times.size() >= 3);
            });

            assertThat(mostWaiting.get()).as("tasks waiting at once").isLessThanOrEqualTo(1);
            assertThat(threadsCreated).as("threads created").hasValue(1);
            assertThat(refreshThreads).containsExactly("refresh-test-1");
            // each store keeps its own interval, however late the task runs: a store is refreshed once it is due,
            // and is due again one interval after its refresh ended (which is after its values were loaded)
            for (Map.Entry<String, List<Long>> store : loadedAt.entrySet()) {
                List<Long> times = List.copyOf(store.getValue());
                long interval = intervals.get(store.getKey()).toNanos();
                for (int i = 1; i < times.size(); i++) {
                    assertThat(times.get(i) - times.get(i - 1)).as("%s: refresh %d after refresh %d", store.getKey(),
                            i + 1, i).isGreaterThanOrEqualTo(interval);
                }
            }
        } finally {
            refresher.stop();
            executor.shutdown();
        }
        int afterStop = loadedAt.get("fast").size();
        assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(executor.getQueue()).isEmpty();
        // a refresh running when the refresher stopped completes; none starts after it
        assertThat(loadedAt.get("fast").size()).isLessThanOrEqualTo(afterStop + 1);
    }

    private PeriodicConfigStore periodic(String name, Duration interval,
            Consumer<Map<String, ConfigOption>> loaded) {
        StoreSettings settings = new StoreSettings(name, "StoreRefreshed", name, "_store", "_option", Mode.PERIODIC,
                interval, null, false, BillingMode.PROVISIONED, 1, 1, Duration.ofSeconds(10), false);
        return new PeriodicConfigStore(settings, documents, change -> {
        }, loaded);
    }
}
