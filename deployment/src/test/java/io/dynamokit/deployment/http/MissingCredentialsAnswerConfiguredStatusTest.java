package io.dynamokit.deployment.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * No credentials can be loaded (the default chain finds none here): 429 with Retry-After, as configured.
 */
public class MissingCredentialsAnswerConfiguredStatusTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = NoCredentials.app()
            .overrideConfigKey("quarkus.dynamokit.exception-mappers.no-credentials-status", "429");

    @Test
    void noCredentialsIs429() {
        given().get("/fail/list-tables").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:dynamokit:problem:no-credentials"));
    }
}
