package io.dynamokit.deployment.table;

import static io.dynamokit.deployment.table.TableFixtures.hash;
import static io.dynamokit.deployment.table.TableFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.table.TableManager;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.LoopbackPorts;
import io.dynamokit.test.fault.RecordedRequest;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * The start-up of an application declaring 20 tables that already exist, under {@code validate}, sends exactly one
 * {@code DescribeTable} per declared table, and they are in flight at the same time: at least half of them at once
 * (all 20 in the runs so far), with schema management taking less than half the time of one after another.
 * <p>
 * The application talks to DynamoKit Engine through a {@link FaultProxy} started before the application, which records
 * every request and holds each {@code DescribeTable} back for {@link #DESCRIBE_DELAY}. Read one after another, the
 * tables would keep one request in flight at a time and take 20 times that delay; read at the same time, the proxy sees
 * many requests in flight at once, and schema management takes little more than one delay.
 * <p>
 * The proxy runs in JUnit's class loader (it has to be listening before the application starts), the test method in
 * the application's: the recorded requests reach the test through a {@link Supplier} of JDK types in the system
 * properties, which both class loaders see.
 */
public class ValidateStartupDescribesTablesConcurrentlyTest {

    private static final Logger LOG = Logger.getLogger(ValidateStartupDescribesTablesConcurrentlyTest.class);

    static final int TABLES = 20;
    static final String PREFIX = "ConcurrentValidate";
    static final Duration DESCRIBE_DELAY = Duration.ofMillis(1000);

    /** The system property holding the {@code Supplier<Map<String, Object>>} of what the proxy saw. */
    static final String RECORDING = "io.dynamokit.test.validate-startup-recording";

    private static final int PROXY_PORT = LoopbackPorts
            .reserve(ValidateStartupDescribesTablesConcurrentlyTest.class.getName());
    private static final Pattern TABLE_NAME = Pattern.compile("\"TableName\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SCHEMA_LINE = Pattern
            .compile("DynamoKit schema management \\(validate\\): (\\d+) tables as declared in (\\d+) ms");

    /** JUnit's class loader only: started before the application, closed after it. */
    private static FaultProxy proxy;

    @RegisterExtension
    static final QuarkusUnitTest APP = declareTables(new QuarkusUnitTest()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(ValidateStartupDescribesTablesConcurrentlyTest::existingTablesBehindProxy)
            .setAfterAllCustomizer(ValidateStartupDescribesTablesConcurrentlyTest::closeProxy)
            .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + PROXY_PORT)
            .overrideConfigKey("quarkus.dynamokit.schema-management", "validate")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.dynamokit.runtime.table"))
            .assertLogRecords(ValidateStartupDescribesTablesConcurrentlyTest::schemaManagementTookAboutOneDelay));

    @Inject
    TableManager tables;

    static String table(int i) {
        return String.format("%s%02d", PREFIX, i);
    }

    private static QuarkusUnitTest declareTables(QuarkusUnitTest app) {
        for (int i = 1; i <= TABLES; i++) {
            app.overrideConfigKey("quarkus.dynamokit.tables.\"" + table(i) + "\".hash-key", "Id:S");
        }
        return app;
    }

    /** The 20 tables as declared (provisioned 5/5, the default), and the proxy the application is pointed at. */
    static void existingTablesBehindProxy() {
        String engine = EmbeddedDynamoDbFixture.endpoint();
        try (DynamoDbClient dynamo = TableFixtures.testDynamoDb()) {
            for (int i = 1; i <= TABLES; i++) {
                String name = table(i);
                try {
                    TableFixtures.create(dynamo, t -> t.tableName(name).keySchema(hash("Id"))
                            .attributeDefinitions(string("Id"))
                            .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
                } catch (ResourceInUseException exists) {
                    // left by an earlier run in this JVM: the same table
                }
            }
        }
        proxy = FaultProxy.start(URI.create(engine), PROXY_PORT);
        proxy.addRule(FaultRule.delay(DESCRIBE_DELAY).forOperation("DescribeTable"));
        FaultProxy recorded = proxy;
        Supplier<Map<String, Object>> recording = () -> {
            List<String> requests = new ArrayList<>();
            for (RecordedRequest request : recorded.requests()) {
                Matcher name = TABLE_NAME.matcher(request.bodyAsString());
                requests.add(request.operation() + " " + (name.find() ? name.group(1) : "-"));
            }
            return Map.of("requests", List.copyOf(requests), "maxConcurrentRequests",
                    recorded.maxConcurrentRequests());
        };
        System.getProperties().put(RECORDING, recording);
    }

    static void closeProxy() {
        System.getProperties().remove(RECORDING);
        if (proxy != null) {
            proxy.close();
        }
    }

    /**
     * Runs after the application stopped, in JUnit's class loader: schema management took less than half the time
     * the 20 delayed {@code DescribeTable} requests would take one after another. Each takes at least
     * {@link #DESCRIBE_DELAY}, so on average more than 2 of them were in flight during schema management.
     */
    static void schemaManagementTookAboutOneDelay(List<LogRecord> records) {
        List<String> lines = new ArrayList<>();
        Long millis = null;
        for (LogRecord record : records) {
            String message = record.getParameters() == null || record.getParameters().length == 0
                    ? record.getMessage()
                    : String.format(record.getMessage(), record.getParameters());
            lines.add(message);
            Matcher matcher = SCHEMA_LINE.matcher(message);
            if (matcher.find()) {
                assertThat(Integer.parseInt(matcher.group(1))).isEqualTo(TABLES);
                millis = Long.parseLong(matcher.group(2));
            }
        }
        assertThat(millis).as("the schema management line among %s", lines).isNotNull();
        assertThat(millis).as("schema management time in ms, one after another would be at least %d",
                TABLES * DESCRIBE_DELAY.toMillis())
                .isGreaterThanOrEqualTo(DESCRIBE_DELAY.toMillis())
                .isLessThan(TABLES * DESCRIBE_DELAY.toMillis() / 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneDescribeTablePerDeclaredTableInFlightTogether() {
        Map<String, Object> recording = ((Supplier<Map<String, Object>>) System.getProperties().get(RECORDING)).get();
        List<String> requests = (List<String>) recording.get("requests");
        int maxConcurrent = (Integer) recording.get("maxConcurrentRequests");
        LOG.infof("Start-up under validate: %d requests (%s), at most %d in flight at once", requests.size(),
                requests, maxConcurrent);

        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= TABLES; i++) {
            expected.add("DescribeTable " + table(i));
        }
        // exactly one DescribeTable per declared table, and no other DescribeTable
        assertThat(requests).filteredOn(request -> request.startsWith("DescribeTable "))
                .containsExactlyInAnyOrderElementsOf(expected);
        // validate only reads
        assertThat(requests).allMatch(request -> request.startsWith("Describe") || request.startsWith("ListTags"),
                "DescribeTable, DescribeTimeToLive or ListTagsOfResource");
        // one table after another keeps at most one request in flight; here the 20 held-back DescribeTable requests
        // are in flight together (each table's further requests only start after its DescribeTable answered)
        assertThat(maxConcurrent).as("the most requests in flight at once, among %s", requests)
                .isGreaterThanOrEqualTo(TABLES / 2);
        assertThat(tables.tables()).hasSize(TABLES);
    }
}
