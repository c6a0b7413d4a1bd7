package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.runtime.configstore.DefaultConfigStore;
import io.dynamokit.runtime.configstore.PeriodicRefresher;
import io.dynamokit.runtime.configstore.StoreSettings;
import io.dynamokit.runtime.configstore.StoreSettings.Mode;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;

/**
 * Periodic stores with different intervals are refreshed by one scheduled task, which reschedules itself: at most one
 * task is ever waiting, every refresh runs on the executor's one thread, and no thread is started for a refresh.
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
        Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();
        Set<String> refreshThreads = ConcurrentHashMap.newKeySet();
        try {
            for (Map.Entry<String, Duration> store : Map.of("fast", Duration.ofMillis(100), "medium",
                    Duration.ofMillis(250), "slow", Duration.ofMillis(600)).entrySet()) {
                AtomicInteger count = loads.computeIfAbsent(store.getKey(), name -> new AtomicInteger());
                refresher.add(periodic(store.getKey(), store.getValue(), options -> {
                    count.incrementAndGet();
                    refreshThreads.add(Thread.currentThread().getName());
                }));
            }
            assertThat(refresher.size()).isEqualTo(3);
            // one task waits, or none while it runs (the first refresh comes due after 100 ms, which a loaded
            // machine can take to get here); the loop below samples the queue for three seconds
            assertThat(executor.getQueue().size()).as("tasks waiting").isLessThanOrEqualTo(1);

            int mostWaiting = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() - end < 0) {
                mostWaiting = Math.max(mostWaiting, executor.getQueue().size());
                Thread.sleep(5);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> loads.get("slow").get() >= 3);

            assertThat(mostWaiting).as("tasks waiting at once").isEqualTo(1);
            assertThat(threadsCreated).as("threads created").hasValue(1);
            assertThat(refreshThreads).containsExactly("refresh-test-1");
            assertThat(loads.get("fast").get()).as("fast refreshes, %s", loads)
                    .isGreaterThan(loads.get("medium").get());
            assertThat(loads.get("medium").get()).as("medium refreshes, %s", loads)
                    .isGreaterThan(loads.get("slow").get());
        } finally {
            refresher.stop();
            executor.shutdown();
        }
        int afterStop = loads.get("fast").get();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(executor.getQueue()).isEmpty();
        assertThat(loads.get("fast").get()).isLessThanOrEqualTo(afterStop + 1);
    }

    private DefaultConfigStore periodic(String name, Duration interval,
            Consumer<Map<String, ConfigOption>> loaded) {
        StoreSettings settings = new StoreSettings(name, "StoreRefreshed", name, "_store", "_option", Mode.PERIODIC,
                interval, null, false, BillingMode.PROVISIONED, 1, 1, Duration.ofSeconds(10), false);
        return new DefaultConfigStore(settings, documents, change -> {
        }, loaded);
    }
}
