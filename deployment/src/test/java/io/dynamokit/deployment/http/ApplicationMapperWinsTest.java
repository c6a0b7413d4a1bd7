package io.dynamokit.deployment.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * An application's own mapper for a type DynamoKit maps too is the one used.
 */
public class ApplicationMapperWinsTest {

    @Provider
    public static class TeapotMapper implements ExceptionMapper<ConditionalCheckFailedException> {
        @Override
        public Response toResponse(ConditionalCheckFailedException exception) {
            return Response.status(418).entity("mine").build();
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FailingResource.class, TeapotMapper.class));

    @Test
    void applicationMapperAnswers() {
        given().get("/fail/setup").then().statusCode(200);
        given().get("/fail/conditional").then().statusCode(418).body(equalTo("mine"));
        given().get("/fail/missing-table").then().statusCode(500).contentType("application/problem+json");
    }
}
