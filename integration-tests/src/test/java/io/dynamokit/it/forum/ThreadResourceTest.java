package io.dynamokit.it.forum;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@QuarkusTest
public class ThreadResourceTest {

    @Inject
    DynamoDbClient dynamo;

    @Test
    void createdThreadIsStoredInDynamoDbAndReadBack() {
        String forum = "forum-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("subject", "How do I page a query?", "message", "All pages please",
                        "lastPostedBy", "alice", "lastPostDateTime", "2026-11-21T10:00:00Z",
                        "tags", new String[] { "query", "paging" }))
                .post("/forums/{forum}/threads", forum)
                .then().statusCode(201)
                .header("Location", endsWith("/forums/" + forum + "/threads/How%20do%20I%20page%20a%20query%3F"))
                .body("subject", equalTo("How do I page a query?"));

        given().get("/forums/{forum}/threads/{subject}", forum, "How do I page a query?")
                .then().statusCode(200)
                .body("forumName", equalTo(forum))
                .body("message", equalTo("All pages please"))
                .body("lastPostedBy", equalTo("alice"))
                .body("lastPostDateTime", equalTo("2026-11-21T10:00:00Z"))
                .body("tags", containsInAnyOrder("query", "paging"))
                .body("replies", equalTo(0));

        Map<String, AttributeValue> stored = dynamo.getItem(b -> b.tableName("Thread").consistentRead(true)
                .key(Map.of("ForumName", AttributeValue.fromS(forum),
                        "Subject", AttributeValue.fromS("How do I page a query?"))))
                .item();
        assertThat(stored.get("LastPostedBy").s()).isEqualTo("alice");
        assertThat(stored.get("Tags").ss()).containsExactlyInAnyOrder("query", "paging");
    }

    @Test
    void listReturnsEveryThreadOfTheForumOnly() {
        String forum = "forum-" + UUID.randomUUID();
        for (String subject : new String[] { "one", "two", "three" }) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("subject", subject, "message", "m", "lastPostedBy", "bob"))
                    .post("/forums/{forum}/threads", forum)
                    .then().statusCode(201);
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("subject", "elsewhere", "message", "m", "lastPostedBy", "bob"))
                .post("/forums/{forum}/threads", forum + "-other")
                .then().statusCode(201);

        given().get("/forums/{forum}/threads", forum)
                .then().statusCode(200)
                .body("subject", containsInAnyOrder("one", "two", "three"));
    }

    @Test
    void secondThreadWithTheSameSubjectIsRefusedAndTheFirstIsKept() {
        String forum = "forum-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("subject", "dup", "message", "first", "lastPostedBy", "carol"))
                .post("/forums/{forum}/threads", forum)
                .then().statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("subject", "dup", "message", "second", "lastPostedBy", "dave"))
                .post("/forums/{forum}/threads", forum)
                .then().statusCode(409);

        given().get("/forums/{forum}/threads/dup", forum)
                .then().statusCode(200).body("message", equalTo("first"));
    }

    @Test
    void missingThreadIs404() {
        given().get("/forums/{forum}/threads/{subject}", "no-such-forum", "nothing")
                .then().statusCode(404);
    }

    @Test
    void threadWithoutSubjectIsRejectedAndNothingIsStored() {
        String forum = "forum-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("message", "no subject", "lastPostedBy", "erin"))
                .post("/forums/{forum}/threads", forum)
                .then().statusCode(400);
        given().get("/forums/{forum}/threads", forum)
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void threadTableHasTheDesignedKeysAndIndex() {
        TableDescription table = dynamo.describeTable(b -> b.tableName("Thread")).table();
        assertThat(table.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("ForumName:HASH", "Subject:RANGE");
        assertThat(table.localSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("LastPostIndex");
            assertThat(index.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .containsExactly("ForumName:HASH", "LastPostDateTime:RANGE");
            assertThat(index.projection().projectionTypeAsString()).isEqualTo("KEYS_ONLY");
        });
    }
}
