package io.dynamokit.deployment.http;

import static io.dynamokit.deployment.http.UnmappedFailures.answeredByQuarkus;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code quarkus.dynamokit.exception-mappers.other=false}: failures of no particular kind get Quarkus' default answer
 * instead of a 500 problem; the kinds still switched on are answered with problems.
 */
public class OtherMapperSwitchedOffTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FailingResource.class, UnmappedFailures.class))
            .overrideConfigKey("quarkus.dynamokit.exception-mappers.other", "false");

    @Test
    void otherFailuresAreLeftToQuarkus() {
        given().get("/fail/setup").then().statusCode(200);
        answeredByQuarkus("/fail/missing-table", ResourceNotFoundException.class);
        // DynamoDB's ValidationException has no type of its own in the SDK
        answeredByQuarkus("/fail/validation", DynamoDbException.class);
    }

    @Test
    void kindsSwitchedOnAreStillProblems() {
        given().get("/fail/setup").then().statusCode(200);
        given().get("/fail/conditional").then().statusCode(409).contentType("application/problem+json")
                .body("errorCode", equalTo("ConditionalCheckFailedException"));
        given().get("/fail/transaction").then().statusCode(409).contentType("application/problem+json");
        given().get("/fail/not-found").then().statusCode(404).contentType("application/problem+json");
    }
}
