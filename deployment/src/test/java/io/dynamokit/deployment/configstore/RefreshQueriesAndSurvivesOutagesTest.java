package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Through the fault proxy: reloading a store of 1,000 options is one paged query, not 1,000 gets; a periodic refresh
 * during an outage (5xx, throttling, connections reset, nothing listening) keeps serving the last values, warns once
 * per outage however many refreshes fail, and recovers by itself.
 */
public class RefreshQueriesAndSurvivesOutagesTest {

    static final int OPTIONS = 1_000;
    private static final int PROXY_PORT = LoopbackPorts.reserve(RefreshQueriesAndSurvivesOutagesTest.class.getName());
    /** Where the start-up proxy, started outside the application's class loader, is left for the test to close. */
    private static final String STARTUP_PROXY = RefreshQueriesAndSurvivesOutagesTest.class.getName() + ".startup-proxy";
    private static FaultProxy proxy;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(StoreFixtures.class))
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(RefreshQueriesAndSurvivesOutagesTest::thousandOptionsBehindAProxy)
            .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + PROXY_PORT)
            .overrideConfigKey("quarkus.dynamokit.client.retry.max-retries", "2")
            .overrideConfigKey("quarkus.dynamokit.client.retry.base-backoff", "0.01S")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"big\".table", "StoreBig")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"big\".mode", "cached")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"flaky\".table", "StoreBig")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"flaky\".mode", "periodic")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"flaky\".refresh-interval", "0.3S")
            // the failed refreshes of an outage after the first are logged at DEBUG: the test counts them
            .overrideConfigKey("quarkus.log.category.\"io.dynamokit.runtime.configstore\".level", "DEBUG");

    static void thousandOptionsBehindAProxy() {
        String engine = EmbeddedDynamoDbFixture.endpoint();
        // the application starts through this proxy; the tests replace it with one they can steer (see proxy())
        System.getProperties().put(STARTUP_PROXY, FaultProxy.start(URI.create(engine), PROXY_PORT));
        try (DynamoDbClient dynamo = StoreFixtures.testDynamoDb()) {
            StoreFixtures.table(dynamo, "StoreBig", "_store", "_option");
            String filler = "v".repeat(2_000);
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = 0; i < OPTIONS; i++) {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("_store", AttributeValue.fromS("big"));
                item.put("_option", AttributeValue.fromS(String.format("option-%04d", i)));
                item.put("filler", AttributeValue.fromS(filler));
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                if (batch.size() == 25) {
                    List<WriteRequest> requests = List.copyOf(batch);
                    dynamo.batchWriteItem(b -> b.requestItems(Map.of("StoreBig", requests)));
                    batch.clear();
                }
            }
            StoreFixtures.put(dynamo, "StoreBig", "flaky", "limits", Map.of("max", AttributeValue.fromN("1")));
        }
    }

    @Inject
    @io.dynamokit.configstore.ConfigStoreName("big")
    ConfigStore big;

    @Inject
    @io.dynamokit.configstore.ConfigStoreName("flaky")
    ConfigStore flaky;

    /**
     * The tests run in the application's class loader, with their own copy of the test support classes: the proxy the
     * application started through is closed (as an {@code AutoCloseable}, a type both sides share) and a new one takes
     * its port.
     */
    static synchronized FaultProxy proxy() throws Exception {
        if (proxy == null) {
            AutoCloseable startup = (AutoCloseable) System.getProperties().remove(STARTUP_PROXY);
            if (startup != null) {
                startup.close();
            }
            proxy = FaultProxy.start(URI.create(System.getProperty(EmbeddedDynamoDbFixture.ENDPOINT_PROPERTY)), PROXY_PORT);
        }
        return proxy;
    }

    @AfterAll
    static synchronized void closeProxy() {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }

    @Test
    void reloadingAThousandOptionsIsOnePagedQuery() throws Exception {
        FaultProxy proxy = proxy();
        big.reload();
        assertThat(big.getAll()).hasSize(OPTIONS);
        proxy.clearRequests();
        big.reload();
        List<String> operations = proxy.requests().stream().map(r -> r.operation()).toList();
        // 2 MB of options: DynamoDB returns at most 1 MB per page
        assertThat(operations).hasSizeBetween(2, 5).containsOnly("Query");
        assertThat(big.getAll()).hasSize(OPTIONS);
        assertThat(big.get("option-0999", "filler")).hasValueSatisfying(v -> assertThat((String) v).hasSize(2_000));
    }

    @Test
    void anOutageKeepsTheLastValuesWarnsOnceAndRecovers() throws Exception {
        FaultProxy proxy = proxy();
        try (LogCapture log = new LogCapture()) {
            long served = refreshedThroughTheProxy(log);
            FaultRule outage = FaultRule.serviceUnavailable().forOperation("Query");
            proxy.addRule(outage);
            String warning = outageWarnsOnce(log, outage, served, 1);
            assertThat(warning).startsWith("Config store 'flaky' could not be refreshed from table 'StoreBig'")
                    .contains("ServiceUnavailable").contains("keeps serving its last values");

            proxy.clearRules();
            awaitRecovery(log, served + 1, 1);
            assertThat(log.messages(Level.WARNING)).hasSize(1);
        } finally {
            proxy.clearRules();
        }
    }

    /**
     * Throttling, connections reset, then DynamoDB unreachable (nothing listening): each outage keeps the last values,
     * logs one warning of its own whatever the number of failed refreshes, and one message when it is over.
     */
    @Test
    void everyKindOfOutageWarnsOnceAndEachLaterOutageWarnsAgain() throws Exception {
        FaultProxy proxy = proxy();
        try (LogCapture log = new LogCapture()) {
            long served = refreshedThroughTheProxy(log);

            FaultRule throttled = FaultRule.provisionedThroughputExceeded().forOperation("Query");
            proxy.addRule(throttled);
            assertThat(outageWarnsOnce(log, throttled, served, 1)).contains("ProvisionedThroughputExceededException");
            proxy.clearRules();
            awaitRecovery(log, ++served, 1);

            FaultRule reset = FaultRule.resetConnection().forOperation("Query");
            proxy.addRule(reset);
            assertThat(outageWarnsOnce(log, reset, served, 2)).contains("SdkClientException");
            proxy.clearRules();
            awaitRecovery(log, ++served, 2);

            closeProxy();
            assertThat(outageWarnsOnce(log, null, served, 3)).contains("SdkClientException");
            FaultProxy back = proxy();
            awaitRecovery(log, ++served, 3);
            assertThat(back.requests()).anyMatch(r -> r.operation().equals("Query"));
            assertThat(log.messages(Level.WARNING)).hasSize(3);
        } finally {
            proxy().clearRules();
        }
    }

    /**
     * A new value served after a periodic refresh through the current proxy, which also ends an outage left over from
     * replacing the proxy ({@code reload()} would not); the log is emptied afterwards.
     */
    private long refreshedThroughTheProxy(LogCapture log) {
        long next = flaky.get("limits", "max").map(v -> (Long) v).orElseThrow() + 1;
        putLimit(next);
        await().atMost(Duration.ofSeconds(20)).until(() -> flaky.get("limits", "max").equals(Optional.of(next)));
        // the end of an outage left over is logged before the values are served: nothing of it comes after this
        log.clear();
        return next;
    }

    /**
     * With the outage under way (a rule failing every Query, or no proxy at all), an outside change is not served,
     * the {@code warnings}-th warning comes, and further failed refreshes add none.
     *
     * @return the new warning
     */
    private String outageWarnsOnce(LogCapture log, FaultRule failing, long served, int warnings) {
        putLimit(served + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> log.messages(Level.WARNING).size() >= warnings);
        if (failing != null) {
            int failedSoFar = failing.timesApplied();
            // two more refreshes of three attempts each (two retries configured)
            await().atMost(Duration.ofSeconds(30)).until(() -> failing.timesApplied() >= failedSoFar + 6);
        } else {
            // two more refreshes failing with the connection refused, each logged at DEBUG
            long failedSoFar = log.stillFailing();
            await().atMost(Duration.ofSeconds(30)).until(() -> log.stillFailing() >= failedSoFar + 2);
        }
        assertThat(flaky.get("limits", "max")).contains(served);
        List<String> all = log.messages(Level.WARNING);
        assertThat(all).hasSize(warnings);
        return all.get(warnings - 1);
    }

    private static void putLimit(long max) {
        try (DynamoDbClient dynamo = StoreFixtures.testDynamoDb()) {
            StoreFixtures.put(dynamo, "StoreBig", "flaky", "limits",
                    Map.of("max", AttributeValue.fromN(Long.toString(max))));
        }
    }

    /** Waits until the store serves {@code max} again and the {@code recoveries}-th end of an outage is logged. */
    private void awaitRecovery(LogCapture log, long max, int recoveries) {
        await().atMost(Duration.ofSeconds(20)).until(() -> flaky.get("limits", "max").equals(Optional.of(max)));
        await().atMost(Duration.ofSeconds(5)).until(() -> log.messages(Level.INFO).stream()
                .filter("Config store 'flaky' is refreshed from table 'StoreBig' again"::equals).count() == recoveries);
    }

    /** The store's messages at INFO and above while open. */
    private static final class LogCapture extends Handler implements AutoCloseable {

        private final List<LogRecord> records = new CopyOnWriteArrayList<>();
        private final Logger logger = Logger.getLogger("io.dynamokit.runtime.configstore.PeriodicConfigStore");

        LogCapture() {
            logger.addHandler(this);
        }

        private final AtomicLong stillFailing = new AtomicLong();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                records.add(record);
            } else if (record.getMessage() != null && record.getMessage().contains("still cannot be refreshed")) {
                stillFailing.incrementAndGet();
            }
        }

        /** The failed refreshes after the first of an outage (logged at DEBUG). */
        long stillFailing() {
            return stillFailing.get();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }

        void clear() {
            records.clear();
        }

        List<String> messages(Level level) {
            return RefreshQueriesAndSurvivesOutagesTest.messages(records, level);
        }
    }

    private static List<String> messages(List<LogRecord> records, Level level) {
        List<String> messages = new ArrayList<>();
        for (LogRecord record : records) {
            if (record.getLevel().equals(level)) {
                String message = record.getMessage();
                Object[] parameters = record.getParameters();
                messages.add(parameters == null ? message : String.format(message, parameters));
            }
        }
        return messages;
    }
}
