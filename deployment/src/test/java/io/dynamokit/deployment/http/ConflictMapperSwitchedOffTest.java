package io.dynamokit.deployment.http;

import static io.dynamokit.deployment.http.UnmappedFailures.answeredByQuarkus;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@code quarkus.dynamokit.exception-mappers.conflict=false}: conflicts get Quarkus' default answer, as if DynamoKit
 * had no mapper for them, although DynamoKit still maps their supertype {@code DynamoDbException}; other failures
 * are still answered with problems.
 */
public class ConflictMapperSwitchedOffTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FailingResource.class, UnmappedFailures.class))
            .overrideConfigKey("quarkus.dynamokit.exception-mappers.conflict", "false");

    @Test
    void conflictsAreLeftToQuarkus() {
        given().get("/fail/setup").then().statusCode(200);
        answeredByQuarkus("/fail/conditional", ConditionalCheckFailedException.class);
        answeredByQuarkus("/fail/transaction", TransactionCanceledException.class);
    }

    @Test
    void otherKindsAreStillProblems() {
        given().get("/fail/setup").then().statusCode(200);
        given().get("/fail/missing-table").then().statusCode(500).contentType("application/problem+json")
                .body("errorCode", equalTo("ResourceNotFoundException"));
        given().get("/fail/not-found").then().statusCode(404).contentType("application/problem+json");
    }
}
