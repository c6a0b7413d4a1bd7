package io.dynamokit.deployment.table;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.table.TableManager;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The readiness check reports each declared table under its name in DynamoDB (with the configured prefix and suffix),
 * UP while all run and DOWN when one is missing.
 */
public class ReadinessReportsTablesTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.dynamokit.table-name-prefix", "it-")
            .overrideConfigKey("quarkus.dynamokit.table-name-suffix", "-v1")
            .overrideConfigKey("quarkus.dynamokit.tables.\"HealthThread\".hash-key", "ForumName:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"HealthThread\".global-secondary-indexes.ByAuthor.hash-key",
                    "Author:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"HealthReply\".hash-key", "Id:S");

    @Inject
    TableManager tables;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void readyWhileEveryTableRuns() {
        assertThat(tables.tableName("HealthThread")).isEqualTo("it-HealthThread-v1");
        assertThat(dynamo.listTablesPaginator().tableNames()).contains("it-HealthThread-v1", "it-HealthReply-v1")
                .doesNotContain("HealthThread", "HealthReply");

        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'DynamoKit tables' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.'it-HealthThread-v1'", equalTo("RUNNING"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.'it-HealthReply-v1'", equalTo("RUNNING"));

        tables.delete("HealthReply");

        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'DynamoKit tables' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.'it-HealthThread-v1'", equalTo("RUNNING"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.'it-HealthReply-v1'", equalTo("MISSING"));
    }
}
