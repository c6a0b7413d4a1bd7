package io.dynamokit.it.forum;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dynamokit.table.TableManager;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The demo with {@code quarkus.dynamokit.table-name-prefix=test_}: its tables are {@code test_Thread} and
 * {@code test_ForumConfig} in DynamoDB, the API reads and writes those over HTTP, and no table without the prefix is
 * made.
 * <p>
 * The profile gives the embedded DynamoDB a port of its own, so that this application starts with a DynamoDB of its
 * own, empty: every table in it was made by this application's start-up and requests.
 */
@QuarkusTest
@TestProfile(PrefixedTablesTest.Prefixed.class)
public class PrefixedTablesTest {

    /** A table-name prefix, and a fresh embedded DynamoDB. */
    public static class Prefixed implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.dynamokit.table-name-prefix", "test_",
                    "quarkus.dynamokit.devservices.port",
                    String.valueOf(LoopbackPorts.reserve(PrefixedTablesTest.class.getName())));
        }
    }

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableManager tables;

    @Test
    void theApiReadsAndWritesThePrefixedTablesOnly() {
        assertThat(tables.tableName(ThreadTable.NAME)).isEqualTo("test_Thread");
        String forum = "prefixed-" + UUID.randomUUID();

        given().contentType(ContentType.JSON)
                .body(Map.of("subject", "Prefixed", "message", "hello", "lastPostedBy", "pat",
                        "lastPostDateTime", "2026-11-30T10:00:00Z"))
                .post("/forums/{forum}/threads", forum)
                .then().statusCode(201);
        given().get("/forums/{forum}/threads/{subject}", forum, "Prefixed")
                .then().statusCode(200).body("lastPostedBy", equalTo("pat"));
        given().get("/forums/{forum}/threads", forum)
                .then().statusCode(200).body("threads.subject", contains("Prefixed"));
        given().post("/forums/{forum}/threads/{subject}/views", forum, "Prefixed")
                .then().statusCode(200).body("views", equalTo(1));
        given().post("/forums/{forum}/threads/{subject}/views/reactive", forum, "Prefixed")
                .then().statusCode(200).body("views", equalTo(2));
        given().contentType(ContentType.JSON).body(Map.of("message", "edited", "lastPostedBy", "quinn"))
                .put("/forums/{forum}/threads/{subject}", forum, "Prefixed")
                .then().statusCode(200).body("replies", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("limit", 3)).put("/config/prefixed")
                .then().statusCode(200);
        given().get("/config/prefixed").then().statusCode(200).body("limit", equalTo(3));

        Map<String, AttributeValue> stored = dynamo.getItem(b -> b.tableName("test_Thread").consistentRead(true)
                .key(Map.of("ForumName", AttributeValue.fromS(forum), "Subject", AttributeValue.fromS("Prefixed"))))
                .item();
        assertThat(stored.get("LastPostedBy").s()).isEqualTo("quinn");
        assertThat(stored.get("Views").n()).isEqualTo("2");
        assertThat(dynamo.getItem(b -> b.tableName("test_ForumConfig").consistentRead(true)
                .key(Map.of("_store", AttributeValue.fromS("flags"), "_option", AttributeValue.fromS("prefixed"))))
                .item()).containsKey("limit");

        // this DynamoDB was empty when the application started
        assertThat(dynamo.listTablesPaginator().tableNames()).containsExactlyInAnyOrder("test_ForumConfig",
                "test_Thread");
    }

    @Test
    void readinessReportsThePrefixedTables() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'DynamoKit tables' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.test_Thread", equalTo("RUNNING"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.test_ForumConfig", equalTo("RUNNING"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data", not(hasKey("Thread")))
                .body("checks.find { it.name == 'DynamoKit tables' }.data", not(hasKey("ForumConfig")));
    }
}
