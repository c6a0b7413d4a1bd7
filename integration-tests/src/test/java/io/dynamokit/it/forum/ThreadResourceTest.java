package io.dynamokit.it.forum;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
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
                .body("threads.subject", containsInAnyOrder("one", "two", "three"))
                .body("next", nullValue());
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
    void pagesThroughTheLocalIndexNewestFirst() {
        String forum = "forum-" + UUID.randomUUID();
        for (int i = 1; i <= 7; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("subject", "s" + i, "message", "m", "lastPostedBy", "gina",
                            "lastPostDateTime", "2026-11-2" + i + "T10:00:00Z"))
                    .post("/forums/{forum}/threads", forum)
                    .then().statusCode(201);
        }
        List<String> subjects = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = null;
        do {
            var request = given().queryParam("pageSize", 3);
            if (next != null) {
                request.queryParam("after", next);
            }
            var page = request.get("/forums/{forum}/threads", forum).then().statusCode(200).extract().jsonPath();
            List<String> pageSubjects = page.getList("threads.subject", String.class);
            subjects.addAll(pageSubjects);
            pageSizes.add(pageSubjects.size());
            next = page.getString("next");
        } while (next != null && pageSizes.size() < 10);

        assertThat(subjects).containsExactly("s7", "s6", "s5", "s4", "s3", "s2", "s1");
        assertThat(pageSizes).startsWith(3, 3);
    }

    @Test
    void badPageTokenIs400() {
        given().queryParam("after", "not-a-token").get("/forums/{forum}/threads", "any")
                .then().statusCode(400);
    }

    @Test
    void editChangesAnExistingThreadOnly() {
        String forum = "forum-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("subject", "edit me", "message", "before", "lastPostedBy", "hal"))
                .post("/forums/{forum}/threads", forum)
                .then().statusCode(201);

        given().contentType(ContentType.JSON).body(Map.of("message", "after", "lastPostedBy", "ida"))
                .put("/forums/{forum}/threads/{subject}", forum, "edit me")
                .then().statusCode(200)
                .body("message", equalTo("after")).body("lastPostedBy", equalTo("ida")).body("replies", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("message", "x", "lastPostedBy", "ida"))
                .put("/forums/{forum}/threads/{subject}", forum, "never posted")
                .then().statusCode(404);
        given().get("/forums/{forum}/threads/{subject}", forum, "never posted").then().statusCode(404);
    }

    @Test
    void deleteRemovesTheThread() {
        String forum = "forum-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("subject", "short-lived", "message", "m", "lastPostedBy", "jo"))
                .post("/forums/{forum}/threads", forum)
                .then().statusCode(201);

        given().delete("/forums/{forum}/threads/{subject}", forum, "short-lived").then().statusCode(204);
        given().get("/forums/{forum}/threads/{subject}", forum, "short-lived").then().statusCode(404);
        given().delete("/forums/{forum}/threads/{subject}", forum, "short-lived").then().statusCode(404);
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
                .then().statusCode(200).body("threads.size()", equalTo(0));
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
