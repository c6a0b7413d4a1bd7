package io.dynamokit.deployment.http;

import static io.dynamokit.deployment.http.UnmappedFailures.answeredByQuarkus;
import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.ItemNotFoundException;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@code quarkus.dynamokit.exception-mappers.enabled=false}: no DynamoKit problem at all, every failure gets Quarkus'
 * default answer.
 */
public class ExceptionMappersDisabledLeaveFailuresToQuarkusTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FailingResource.class, UnmappedFailures.class))
            .overrideConfigKey("quarkus.dynamokit.exception-mappers.enabled", "false");

    @Test
    void failuresAreLeftToQuarkus() {
        given().get("/fail/setup").then().statusCode(200);
        answeredByQuarkus("/fail/conditional", ConditionalCheckFailedException.class);
        answeredByQuarkus("/fail/transaction", TransactionCanceledException.class);
        answeredByQuarkus("/fail/missing-table", ResourceNotFoundException.class);
        answeredByQuarkus("/fail/not-found", ItemNotFoundException.class);
    }
}
