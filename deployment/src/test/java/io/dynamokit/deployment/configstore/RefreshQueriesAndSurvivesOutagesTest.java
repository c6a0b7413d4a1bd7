package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * during an outage keeps serving the last values, warns once however many refreshes fail, and recovers by itself.
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
            ((AutoCloseable) System.getProperties().remove(STARTUP_PROXY)).close();
            proxy = FaultProxy.start(URI.create(System.getProperty(TestDynamoDb.ENDPOINT_PROPERTY)), PROXY_PORT);
        }
        return proxy;
    }

    @AfterAll
    static void closeProxy() {
        if (proxy != null) {
            proxy.close();
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
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
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
            }
        };
        Logger logger = Logger.getLogger("io.dynamokit.runtime.configstore.DefaultConfigStore");
        logger.addHandler(handler);
        try {
            assertThat(flaky.get("limits", "max")).contains(1L);
            await().atMost(Duration.ofSeconds(5)).until(() -> proxy.requests().stream()
                    .anyMatch(r -> r.operation().equals("Query")));
            records.clear();
            FaultRule outage = FaultRule.serviceUnavailable().forOperation("Query");
            proxy.addRule(outage);
            try (DynamoDbClient dynamo = StoreFixtures.testDynamoDb()) {
                StoreFixtures.put(dynamo, "StoreBig", "flaky", "limits", Map.of("max", AttributeValue.fromN("2")));
            }
            // at least three refreshes fail (three attempts each: two retries configured)
            await().atMost(Duration.ofSeconds(30)).until(() -> outage.timesApplied() >= 9);
            assertThat(flaky.get("limits", "max")).contains(1L);
            List<String> warnings = messages(records, Level.WARNING);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).startsWith("Config store 'flaky' could not be refreshed from table 'StoreBig'")
                    .contains("keeps serving its last values");

            proxy.clearRules();
            await().atMost(Duration.ofSeconds(20)).until(() -> flaky.get("limits", "max").equals(java.util.Optional.of(2L)));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> messages(records, Level.INFO).contains("Config store 'flaky' is refreshed from table 'StoreBig' again"));
            assertThat(messages(records, Level.WARNING)).hasSize(1);
        } finally {
            proxy.clearRules();
            logger.removeHandler(handler);
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
