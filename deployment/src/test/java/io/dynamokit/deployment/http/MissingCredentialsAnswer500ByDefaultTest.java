package io.dynamokit.deployment.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * No credentials can be loaded (the default chain finds none here) and no status is configured: 500, no Retry-After.
 */
public class MissingCredentialsAnswer500ByDefaultTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = NoCredentials.app();

    @Test
    void noCredentialsIs500() {
        given().get("/fail/list-tables").then().statusCode(500)
                .contentType("application/problem+json")
                .header("Retry-After", nullValue())
                .body("type", equalTo("urn:dynamokit:problem:no-credentials"))
                .body("title", equalTo("Internal Server Error"))
                .body("detail", containsString("Unable to load credentials"));
    }
}
