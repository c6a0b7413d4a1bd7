package io.dynamokit.deployment.table;

import static io.dynamokit.deployment.table.TableFixtures.hash;
import static io.dynamokit.deployment.table.TableFixtures.number;
import static io.dynamokit.deployment.table.TableFixtures.range;
import static io.dynamokit.deployment.table.TableFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.table.TableManager;
import io.dynamokit.table.TableStatus;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * The table lifecycle through {@link TableManager}: apply a declaration, the table runs and matches it; a table with
 * other throughput and tags converges to the declared ones; delete, and it is missing.
 * <p>
 * The application reaches DynamoDB through a {@link FaultProxy} without rules, which records the tagging requests, so
 * that the test sees which tag changes were sent. The proxy runs in JUnit's class loader; the requests it saw reach the
 * test through {@link ProxyRecording}.
 */
public class TableLifecycleTest {

    static final String RECORDING = "io.dynamokit.test.lifecycle-tagging";

    private static final int PROXY_PORT = LoopbackPorts.reserve(TableLifecycleTest.class.getName());

    /** JUnit's class loader only: started before the application, closed after it. */
    private static FaultProxy proxy;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TableFixtures.class, ProxyRecording.class))
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(TableLifecycleTest::taggingProxy)
            .setAfterAllCustomizer(TableLifecycleTest::closeProxy)
            .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + PROXY_PORT)
            .overrideConfigKey("quarkus.dynamokit.schema-management", "none")
            .overrideConfigKey("quarkus.dynamokit.tables.\"LifecycleNew\".hash-key", "id:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"LifecycleNew\".range-key", "at:N")
            .overrideConfigKey("quarkus.dynamokit.tables.\"LifecycleNew\".read-capacity-units", "10")
            .overrideConfigKey("quarkus.dynamokit.tables.\"LifecycleNew\".write-capacity-units", "10")
            .overrideConfigKey("quarkus.dynamokit.tables.\"LifecycleRead\".hash-key", "id:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"LifecycleRead\".read-capacity-units", "15")
            .overrideConfigKey("quarkus.dynamokit.tables.\"LifecycleRead\".write-capacity-units", "10")
            .overrideConfigKey("quarkus.dynamokit.tables.\"LifecycleBoth\".hash-key", "id:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"LifecycleBoth\".range-key", "at:N")
            .overrideConfigKey("quarkus.dynamokit.tables.\"LifecycleBoth\".read-capacity-units", "25")
            .overrideConfigKey("quarkus.dynamokit.tables.\"LifecycleBoth\".write-capacity-units", "30")
            .overrideConfigKey("quarkus.dynamokit.tables.\"LifecycleBoth\".tags.team", "forum");

    static void taggingProxy() {
        proxy = FaultProxy.start(URI.create(EmbeddedDynamoDbFixture.endpoint()), PROXY_PORT);
        ProxyRecording.publish(RECORDING, proxy,
                request -> List.of("ListTagsOfResource", "TagResource", "UntagResource").contains(request.operation())
                        ? request.operation() + " " + request.bodyAsString()
                        : null);
    }

    static void closeProxy() {
        ProxyRecording.close(RECORDING, proxy);
    }

    @Inject
    TableManager tables;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void appliedTableRunsAsDeclaredUntilDeleted() {
        assertThat(tables.status("LifecycleNew")).isEqualTo(TableStatus.MISSING);
        assertThat(tables.diff("LifecycleNew").differences()).extracting(Object::toString)
                .containsExactly("LifecycleNew: table missing");

        tables.apply("LifecycleNew");

        assertThat(tables.status("LifecycleNew")).isEqualTo(TableStatus.RUNNING);
        assertThat(tables.diff("LifecycleNew").isEmpty()).isTrue();

        tables.delete("LifecycleNew");

        assertThat(tables.status("LifecycleNew")).isEqualTo(TableStatus.MISSING);
        tables.delete("LifecycleNew");
        assertThat(tables.status("LifecycleNew")).isEqualTo(TableStatus.MISSING);
    }

    @Test
    void readThroughputTenBecomesFifteen() {
        TableFixtures.create(dynamo, t -> t.tableName("LifecycleRead").keySchema(hash("id"))
                .attributeDefinitions(string("id"))
                .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L)));
        assertThat(tables.diff("LifecycleRead").differences()).extracting(Object::toString)
                .containsExactly("LifecycleRead: provisioned throughput read 10 != declared 15");

        tables.apply("LifecycleRead");

        assertThat(tables.diff("LifecycleRead").isEmpty()).isTrue();
        assertThat(throughput("LifecycleRead").readCapacityUnits()).isEqualTo(15L);
        assertThat(tables.status("LifecycleRead")).isEqualTo(TableStatus.RUNNING);
    }

    @Test
    void bothThroughputsChangeWithATagAdded() {
        TableFixtures.create(dynamo, t -> t.tableName("LifecycleBoth").keySchema(hash("id"), range("at"))
                .attributeDefinitions(string("id"), number("at"))
                .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L)));
        String arn = dynamo.describeTable(b -> b.tableName("LifecycleBoth")).table().tableArn();
        // tagged by someone else: not declared, so update removes it (tags starting with aws: are AWS's own, which
        // DynamoDB refuses from TagResource; that update leaves them alone is TableComparisonTest's)
        dynamo.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("owner").value("ann").build()));
        assertThat(tables.diff("LifecycleBoth").differences()).extracting(Object::toString).containsExactly(
                "LifecycleBoth: provisioned throughput read 10 != declared 25",
                "LifecycleBoth: provisioned throughput write 10 != declared 30",
                "LifecycleBoth: tag team: missing",
                "LifecycleBoth: tag owner: not declared");
        int before = taggingRequests().size();

        tables.apply("LifecycleBoth");

        assertThat(tables.diff("LifecycleBoth").isEmpty()).isTrue();
        assertThat(throughput("LifecycleBoth").readCapacityUnits()).isEqualTo(25L);
        assertThat(throughput("LifecycleBoth").writeCapacityUnits()).isEqualTo(30L);
        List<String> changes = new ArrayList<>();
        for (String request : taggingRequests().subList(before, taggingRequests().size())) {
            if (!request.startsWith("ListTagsOfResource ")) {
                changes.add(request.substring(0, request.indexOf(' ')) + " " + member(request, "TagKeys")
                        + member(request, "Tags"));
            }
        }
        assertThat(changes).containsExactly("UntagResource [\"owner\"]",
                "TagResource [{\"Key\":\"team\",\"Value\":\"forum\"}]");
        assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags())
                .extracting(tag -> tag.key() + "=" + tag.value())
                .containsExactly("team=forum");

        tables.delete("LifecycleBoth");
        tables.awaitRunning("LifecycleRead", Duration.ofSeconds(10));
        assertThat(tables.status()).containsEntry("LifecycleBoth", TableStatus.MISSING)
                .containsEntry("LifecycleRead", TableStatus.RUNNING);
    }

    private static List<String> taggingRequests() {
        return ProxyRecording.requests(RECORDING);
    }

    /** The JSON array of the member in the request, or nothing. */
    private static String member(String request, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\[[^\\]]*\\])").matcher(request);
        return matcher.find() ? matcher.group(1) : "";
    }

    private ProvisionedThroughputDescription throughput(String table) {
        return dynamo.describeTable(b -> b.tableName(table)).table().provisionedThroughput();
    }
}
