package io.dynamokit.it.forum;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.configstore.ConfigStoreName;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The forum's feature flags over HTTP: {@code GET/PUT /config/{option}} on the {@code flags} config store, the posting
 * switch taking effect at once, versions as entity tags with 409 on a stale {@code If-Match}, 404 problems for missing
 * options, 400 problems for names or values DynamoDB cannot store, and the flags as configuration properties.
 */
@QuarkusTest
public class ForumFlagsTest {

    @Inject
    @ConfigStoreName("flags")
    ConfigStore flags;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void missingOptionIsANotFoundProblem() {
        given().get("/config/{option}", "no-such-option").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dynamokit:problem:not-found"))
                .body("status", equalTo(404))
                .body("detail", containsString("no option 'no-such-option'"));
    }

    @Test
    void switchingPostingOffRefusesNewThreadsAtOnce() {
        String forum = "flags-" + UUID.randomUUID();
        try {
            given().contentType(ContentType.JSON).body(Map.of("enabled", false)).put("/config/posting")
                    .then().statusCode(200).body("enabled", equalTo(false));
            assertThat(ConfigProvider.getConfig().getValue("posting.enabled", Boolean.class)).isFalse();
            given().contentType(ContentType.JSON)
                    .body(Map.of("subject", "while off", "message", "hello", "lastPostedBy", "ann"))
                    .post("/forums/{forum}/threads", forum)
                    .then().statusCode(403).body("error", containsString("switched off"));
        } finally {
            given().contentType(ContentType.JSON).body(Map.of("enabled", true)).put("/config/posting")
                    .then().statusCode(200);
        }
        assertThat(ConfigProvider.getConfig().getValue("posting.enabled", Boolean.class)).isTrue();
        given().contentType(ContentType.JSON)
                .body(Map.of("subject", "while on", "message", "hello", "lastPostedBy", "ann"))
                .post("/forums/{forum}/threads", forum)
                .then().statusCode(201);
    }

    @Test
    void aStaleIfMatchIsAConflictAndWritesNothing() {
        String first = given().contentType(ContentType.JSON).body(Map.of("limit", 5)).put("/config/rate")
                .then().statusCode(200).extract().header("ETag");
        String second = given().contentType(ContentType.JSON).header("If-Match", first).body(Map.of("limit", 6))
                .put("/config/rate").then().statusCode(200).extract().header("ETag");
        assertThat(second).isNotEqualTo(first);

        given().contentType(ContentType.JSON).header("If-Match", first).body(Map.of("limit", 7)).put("/config/rate")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:dynamokit:problem:conflict"));
        given().get("/config/rate").then().statusCode(200).header("ETag", equalTo(second)).body("limit", equalTo(6));

        given().contentType(ContentType.JSON).header("If-Match", "yesterday").body(Map.of("limit", 8))
                .put("/config/rate").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{}").put("/config/rate").then().statusCode(400);
        given().get("/config/rate").then().statusCode(200).body("limit", equalTo(6))
                .header("ETag", not(equalTo(first)));
    }

    @Test
    void anOverLongOptionNameIsABadRequestProblemAndWritesNothing() {
        String name = "o".repeat(1_100);
        given().contentType(ContentType.JSON).body(Map.of("enabled", true)).put("/config/{option}", name)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:dynamokit:problem:invalid-input"))
                .body("status", equalTo(400))
                .body("detail", equalTo("Config store 'flags': option name '" + name.substring(0, 40) + "...' is 1100"
                        + " bytes long; DynamoDB allows at most 1024 (UTF-8) in a range key: choose a shorter name"));
        given().get("/config/{option}", name).then().statusCode(400)
                .body("type", equalTo("urn:dynamokit:problem:invalid-input"));
        assertThat(flags.getAll()).doesNotContainKey(name);
    }

    @Test
    void aBodyOverTheItemLimitIsABadRequestProblemAndWritesNothing() {
        String tag = given().contentType(ContentType.JSON).body(Map.of("text", "small")).put("/config/notice")
                .then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(410_000))).put("/config/notice")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:dynamokit:problem:invalid-input"))
                .body("detail", containsString("Option 'notice' of config store 'flags' was rejected by DynamoDB,"
                        + " nothing was written"))
                .body("detail", containsString("400 KB"));
        given().get("/config/notice").then().statusCode(200).header("ETag", equalTo(tag))
                .body("text", equalTo("small"));
        flags.reload();
        given().get("/config/notice").then().statusCode(200).header("ETag", equalTo(tag))
                .body("text", equalTo("small"));
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("ForumConfig").key(Map.of(
                "_store", AttributeValue.fromS("flags"), "_option", AttributeValue.fromS("notice")))).item();
        assertThat(item.get("text").s()).isEqualTo("small");
    }

    @Test
    void anOperatorsChangeIsServedAfterTheNextRefresh() {
        dynamo.putItem(b -> b.tableName("ForumConfig").item(Map.of(
                "_store", AttributeValue.fromS("flags"),
                "_option", AttributeValue.fromS("banner"),
                "text", AttributeValue.fromS("Maintenance tonight"))));
        given().get("/config/banner").then().statusCode(404);
        flags.reload();
        given().get("/config/banner").then().statusCode(200).body("text", equalTo("Maintenance tonight"))
                .header("ETag", equalTo("\"0\""));
        assertThat(ConfigProvider.getConfig().getValue("banner.text", String.class)).isEqualTo("Maintenance tonight");
    }
}
