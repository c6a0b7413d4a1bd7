package io.dynamokit.deployment.table;

import static io.dynamokit.deployment.table.TableFixtures.hash;
import static io.dynamokit.deployment.table.TableFixtures.number;
import static io.dynamokit.deployment.table.TableFixtures.range;
import static io.dynamokit.deployment.table.TableFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.table.TableManager;
import io.dynamokit.table.TableStatus;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;

/**
 * The table lifecycle through {@link TableManager}: apply a declaration, the table runs and matches it; a table with
 * other throughput converges to the declared one; delete, and it is missing.
 */
public class TableLifecycleTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(TableFixtures.class))
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
        // DynamoDB Local does not support tagging, so the tag is neither compared nor applied here
        assertThat(tables.diff("LifecycleBoth").differences()).extracting(Object::toString).containsExactly(
                "LifecycleBoth: provisioned throughput read 10 != declared 25",
                "LifecycleBoth: provisioned throughput write 10 != declared 30");

        tables.apply("LifecycleBoth");

        assertThat(tables.diff("LifecycleBoth").isEmpty()).isTrue();
        assertThat(throughput("LifecycleBoth").readCapacityUnits()).isEqualTo(25L);
        assertThat(throughput("LifecycleBoth").writeCapacityUnits()).isEqualTo(30L);

        tables.delete("LifecycleBoth");
        tables.awaitRunning("LifecycleRead", Duration.ofSeconds(10));
        assertThat(tables.status()).containsEntry("LifecycleBoth", TableStatus.MISSING)
                .containsEntry("LifecycleRead", TableStatus.RUNNING);
    }

    private ProvisionedThroughputDescription throughput(String table) {
        return dynamo.describeTable(b -> b.tableName(table)).table().provisionedThroughput();
    }
}
