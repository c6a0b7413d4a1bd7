package io.dynamokit.deployment.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.TestDynamoDb;
import io.quarkus.test.QuarkusUnitTest;

/**
 * No credentials can be loaded (the default chain finds none here) and no status is configured: 500, no Retry-After.
 */
public class MissingCredentialsAnswer500ByDefaultTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(FailingResource.class))
            .setBeforeAllCustomizer(() -> System.setProperty("quarkus.dynamodb.endpoint-override", TestDynamoDb.endpoint()))
            .setAfterAllCustomizer(() -> System.clearProperty("quarkus.dynamodb.endpoint-override"))
            .overrideConfigKey("quarkus.dynamodb.aws.region", "us-east-1")
            .overrideConfigKey("quarkus.dynamodb.aws.credentials.type", "default");

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
