package io.dynamokit.it.forum;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The forum answers bodies it cannot read as it answers its other errors: an RFC 9457 problem naming what was wrong,
 * and nothing is stored.
 */
@QuarkusTest
public class BadRequestsAnswerProblemsTest {

    @Test
    void malformedJsonIsA400Problem() {
        String forum = "forum-" + UUID.randomUUID();
        given().contentType("application/json").body("{\"subject\":")
                .post("/forums/{forum}/threads", forum)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dynamokit:problem:malformed-json"))
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400))
                .body("detail", equalTo("The request body is not valid JSON: unexpected end of input at line 1, column 12"))
                .body("line", equalTo(1))
                .body("column", equalTo(12));
        given().get("/forums/{forum}/threads", forum).then().statusCode(200).body("threads.size()", equalTo(0));
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        String forum = "forum-" + UUID.randomUUID();
        given().contentType("application/json")
                .body("{\"subject\": \"s\", \"message\": \"m\", \"lastPostedBy\": \"kim\", \"replies\": \"many\"}")
                .post("/forums/{forum}/threads", forum)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dynamokit:problem:invalid-body"))
                .body("detail", equalTo("Field 'replies' of the request body must be an integer, not \"many\""
                        + " at line 1, column 68"))
                .body("field", equalTo("replies"))
                .body("expected", equalTo("an integer"));
        given().contentType("application/json")
                .body("{\"subject\": \"s\", \"message\": \"m\", \"lastPostedBy\": \"kim\", \"tags\": {\"a\": 1}}")
                .post("/forums/{forum}/threads", forum)
                .then().statusCode(400)
                .body("detail", equalTo("Field 'tags' of the request body must be an array, not an object"
                        + " at line 1, column 65"))
                .body("field", equalTo("tags"));
        given().get("/forums/{forum}/threads", forum).then().statusCode(200).body("threads.size()", equalTo(0));
    }

    @Test
    void aBodyOfTheWrongShapeIsNamedWithoutInternals() {
        given().contentType("application/json").body("[\"not\", \"a\", \"thread\"]")
                .put("/config/{option}", "posting")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request body must be an object, not an array at line 1, column 1"))
                .body("expected", equalTo("an object"))
                .body(not(containsString("java.")))
                .body(not(containsString("Exception")));
    }

    @Test
    void anUnacceptedContentTypeIsA415NamingJson() {
        given().contentType("application/xml").body("<thread/>")
                .post("/forums/{forum}/threads", "any")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dynamokit:problem:unsupported-media-type"))
                .body("title", equalTo("Unsupported Media Type"))
                .body("status", equalTo(415))
                .body("detail", equalTo("Content-Type 'application/xml; charset=ISO-8859-1' is not accepted here;"
                        + " send application/json"))
                .body("accepted", contains("application/json"));
    }
}
