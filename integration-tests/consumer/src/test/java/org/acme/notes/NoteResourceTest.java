package org.acme.notes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

@QuarkusTest
class NoteResourceTest {

    @Inject
    DynamoDbClient dynamo;

    @Test
    void aNoteWrittenThroughTheApiIsAnItemInDynamoDb() {
        given().contentType("text/plain").body("buy milk").put("/notes/n-1").then().statusCode(204);

        given().get("/notes/n-1").then().statusCode(200).body(equalTo("buy milk"));
        GetItemResponse stored = dynamo.getItem(b -> b.tableName(NoteResource.TABLE)
                .key(Map.of("id", AttributeValue.fromS("n-1"))).consistentRead(true));
        assertEquals(Map.of("id", AttributeValue.fromS("n-1"), "text", AttributeValue.fromS("buy milk")), stored.item());
    }

    @Test
    void anItemWrittenWithTheSdkIsReadThroughTheApi() {
        dynamo.putItem(b -> b.tableName(NoteResource.TABLE)
                .item(Map.of("id", AttributeValue.fromS("n-2"), "text", AttributeValue.fromS("call home"))));

        given().get("/notes/n-2").then().statusCode(200).body(equalTo("call home"));
    }

    @Test
    void aMissingNoteIsNotFound() {
        given().get("/notes/none").then().statusCode(404);
        assertFalse(dynamo.getItem(b -> b.tableName(NoteResource.TABLE)
                .key(Map.of("id", AttributeValue.fromS("none")))).hasItem());
    }
}
