package io.dynamokit.deployment.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * With {@code conflict=false} and an application mapper for {@code AwsServiceException}, a supertype of the types
 * DynamoKit maps: conflicts reach the application's mapper, as they would without DynamoKit, while the kinds switched
 * on are answered by DynamoKit's mappers for the nearer types.
 */
public class SwitchedOffKindGoesToApplicationSupertypeMapperTest {

    @Provider
    public static class AwsFailureMapper implements ExceptionMapper<AwsServiceException> {
        @Override
        public Response toResponse(AwsServiceException exception) {
            return Response.status(422).entity("application: " + exception.awsErrorDetails().errorCode()).build();
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FailingResource.class, AwsFailureMapper.class))
            .overrideConfigKey("quarkus.dynamokit.exception-mappers.conflict", "false");

    @Test
    void conflictsReachTheApplicationMapper() {
        given().get("/fail/setup").then().statusCode(200);
        given().get("/fail/conditional").then().statusCode(422)
                .body(equalTo("application: ConditionalCheckFailedException"));
        given().get("/fail/transaction").then().statusCode(422)
                .body(equalTo("application: TransactionCanceledException"));
    }

    @Test
    void kindsSwitchedOnAreStillProblems() {
        given().get("/fail/setup").then().statusCode(200);
        given().get("/fail/missing-table").then().statusCode(500).contentType("application/problem+json")
                .body("errorCode", equalTo("ResourceNotFoundException"));
    }
}
