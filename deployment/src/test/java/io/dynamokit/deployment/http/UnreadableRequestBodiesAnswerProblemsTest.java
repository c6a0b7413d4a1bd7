package io.dynamokit.deployment.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Malformed JSON, JSON of the wrong shape and a content type the endpoint does not accept are answered with problems
 * naming what was wrong and nothing of the server's internals; the application's own WebApplicationExceptions are
 * left as they were.
 */
public class UnreadableRequestBodiesAnswerProblemsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(BodyResource.class))
            .overrideConfigKey("quarkus.dynamokit.exception-mappers.expose-details", "false");

    @Test
    void aWellFormedBodyIsRead() {
        given().contentType("application/json").body("{\"item\": \"pen\", \"quantity\": 2, \"tags\": [\"blue\"]}")
                .post("/bodies").then().statusCode(200).body("quantity", equalTo(2));
    }

    @Test
    void malformedJsonIsA400ProblemWithThePosition() {
        given().contentType("application/json").body("{\"item\": \"pen\",")
                .post("/bodies").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dynamokit:problem:malformed-json"))
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400))
                .body("detail", equalTo("The request body is not valid JSON: unexpected end of input at line 1, column 16"))
                .body("line", equalTo(1)).body("column", equalTo(16));
        given().contentType("application/json").body("{\"item\" \"pen\"}")
                .post("/bodies").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request body is not valid JSON: unexpected character ('\"' (code 34)):"
                        + " was expecting a colon to separate field name and value at line 1, column 9"));
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedWithTheTypeExpected() {
        given().contentType("application/json").body("{\"item\": \"pen\", \"quantity\": \"many\"}")
                .post("/bodies").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dynamokit:problem:invalid-body"))
                .body("detail", equalTo("Field 'quantity' of the request body must be an integer, not \"many\""
                        + " at line 1, column 29"))
                .body("field", equalTo("quantity"))
                .body("expected", equalTo("an integer"));
        given().contentType("application/json").body("{\"tags\": \"blue\"}")
                .post("/bodies").then().statusCode(400)
                .body("detail", equalTo("Field 'tags' of the request body must be an array, not a string"
                        + " at line 1, column 10"))
                .body("field", equalTo("tags"));
    }

    @Test
    void aBodyOfTheWrongShapeIsNamed() {
        given().contentType("application/json").body("[1, 2]")
                .post("/bodies").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dynamokit:problem:invalid-body"))
                .body("detail", equalTo("The request body must be an object, not an array at line 1, column 1"))
                .body("expected", equalTo("an object"))
                .body(not(containsString("BodyResource")))
                .body(not(containsString("Exception")));
    }

    @Test
    void anUnacceptedContentTypeIsA415NamingTheAcceptedOnes() {
        given().contentType("text/plain").body("pen")
                .post("/bodies").then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dynamokit:problem:unsupported-media-type"))
                .body("title", equalTo("Unsupported Media Type"))
                .body("status", equalTo(415))
                .body("detail", equalTo("Content-Type 'text/plain; charset=ISO-8859-1' is not accepted here;"
                        + " send application/json"))
                .body("contentType", equalTo("text/plain; charset=ISO-8859-1"))
                .body("accepted", contains("application/json"));
    }

    @Test
    void theApplicationsOwnWebApplicationExceptionsAreLeftAlone() {
        given().get("/bodies/missing").then().statusCode(404).body(emptyString());
    }
}
