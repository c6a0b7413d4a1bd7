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
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.deployment.devservices.TestDynamoDb;
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
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"flaky\".refresh-interval", "0.3S");

    static void thousandOptionsBehindAProxy() {
        String dynamoDbLocal = TestDynamoDb.endpoint();
        // the application starts through this proxy; the tests replace it with one they can steer (see proxy())
        System.getProperties().put(STARTUP_PROXY, FaultProxy.start(URI.create(dynamoDbLocal), PROXY_PORT));
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
            proxy = FaultProxy.start(URI.create(System.getProperty(TestDynamoDb.ENDPOINT_PROPERTY)), PROXY_PORT);
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
        // a refresh through the new proxy has succeeded: failures from here on are the outage's
        flaky.reload();
        try (LogCapture log = new LogCapture()) {
            long value = flaky.get("limits", "max").map(v -> (Long) v).orElseThrow();
            await().atMost(Duration.ofSeconds(5)).until(() -> proxy.requests().stream()
                    .anyMatch(r -> r.operation().equals("Query")));
            log.clear();
            FaultRule outage = FaultRule.serviceUnavailable().forOperation("Query");
            proxy.addRule(outage);
            putLimit(value + 1);
            // at least three refreshes fail (three attempts each: two retries configured)
            await().atMost(Duration.ofSeconds(30)).until(() -> outage.timesApplied() >= 9);
            assertThat(flaky.get("limits", "max")).contains(value);
            List<String> warnings = log.messages(Level.WARNING);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).startsWith("Config store 'flaky' could not be refreshed from table 'StoreBig'")
                    .contains("keeps serving its last values");

            proxy.clearRules();
            awaitRecovery(log, value + 1, 1);
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
        flaky.reload();
        try (LogCapture log = new LogCapture()) {
            long value = flaky.get("limits", "max").map(v -> (Long) v).orElseThrow();

            FaultRule throttled = FaultRule.provisionedThroughputExceeded().forOperation("Query");
            proxy.addRule(throttled);
            putLimit(++value);
            await().atMost(Duration.ofSeconds(30)).until(() -> throttled.timesApplied() >= 9);
            assertThat(flaky.get("limits", "max")).contains(value - 1);
            assertThat(log.messages(Level.WARNING)).hasSize(1).allSatisfy(w -> assertThat(w)
                    .startsWith("Config store 'flaky' could not be refreshed from table 'StoreBig'")
                    .contains("ProvisionedThroughputExceededException"));
            proxy.clearRules();
            awaitRecovery(log, value, 1);

            FaultRule reset = FaultRule.resetConnection().forOperation("Query");
            proxy.addRule(reset);
            putLimit(++value);
            await().atMost(Duration.ofSeconds(30)).until(() -> reset.timesApplied() >= 9);
            assertThat(flaky.get("limits", "max")).contains(value - 1);
            assertThat(log.messages(Level.WARNING)).hasSize(2);
            assertThat(log.messages(Level.WARNING).get(1)).contains("SdkClientException");
            proxy.clearRules();
            awaitRecovery(log, value, 2);

            closeProxy();
            putLimit(++value);
            // nothing listens on the port: three refresh intervals and more with the connection refused
            await().atMost(Duration.ofSeconds(10)).until(() -> log.messages(Level.WARNING).size() == 3);
            Thread.sleep(1_000);
            assertThat(log.messages(Level.WARNING)).hasSize(3);
            assertThat(log.messages(Level.WARNING).get(2)).contains("SdkClientException");
            assertThat(flaky.get("limits", "max")).contains(value - 1);
            FaultProxy back = proxy();
            awaitRecovery(log, value, 3);
            assertThat(back.requests()).anyMatch(r -> r.operation().equals("Query"));
            assertThat(log.messages(Level.WARNING)).hasSize(3);
        } finally {
            proxy().clearRules();
        }
    }

    private static void putLimit(long max) {
        try (DynamoDbClient dynamo = StoreFixtures.testDynamoDb()) {
            StoreFixtures.put(dynamo, "StoreBig", "flaky", "limits", Map.of("max", AttributeValue.fromN(Long.toString(max))));
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
        private final Logger logger = Logger.getLogger("io.dynamokit.runtime.configstore.DefaultConfigStore");

        LogCapture() {
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                records.add(record);
            }
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
