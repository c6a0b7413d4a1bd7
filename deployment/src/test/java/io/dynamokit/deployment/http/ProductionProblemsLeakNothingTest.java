package io.dynamokit.deployment.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * With DynamoDB's messages not exposed, as in production, {@code detail} is a fixed sentence: no key values, no table
 * names, no stack trace.
 */
public class ProductionProblemsLeakNothingTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(FailingResource.class))
            .overrideConfigKey("quarkus.dynamokit.exception-mappers.expose-details", "false");

    @Test
    void detailsAreFixedSentences() {
        given().get("/fail/setup").then().statusCode(200);

        String conflict = given().get("/fail/conditional").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("The item was changed, or its condition did not hold; read it again before retrying."))
                .extract().asString();
        given().get("/fail/missing-table").then().statusCode(500)
                .body("detail", equalTo("A DynamoDB request failed."))
                .body(not(containsString("NoSuchTable")))
                .body(not(containsString("Exception:")));
        given().get("/fail/not-found").then().statusCode(404)
                .body("detail", equalTo("The requested item or option does not exist."))
                .body(not(containsString("nobody")))
                .body(not(containsString(FailingResource.TABLE)));
        org.assertj.core.api.Assertions.assertThat(conflict).doesNotContain("secret-key-value")
                .doesNotContain(FailingResource.TABLE);
    }
}
