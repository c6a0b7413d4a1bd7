package io.dynamokit.deployment.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * An application's own mapper for a type DynamoKit maps too is the one used, whatever its priority: even one with a
 * priority value above the default, down to the lowest priority there is.
 */
public class ApplicationMapperWinsTest {

    @Provider
    @Priority(Priorities.USER + 2000)
    public static class TeapotMapper implements ExceptionMapper<ConditionalCheckFailedException> {
        @Override
        public Response toResponse(ConditionalCheckFailedException exception) {
            return Response.status(418).entity("mine").build();
        }
    }

    @Provider
    @Priority(Integer.MAX_VALUE)
    public static class GoneMapper implements ExceptionMapper<ResourceNotFoundException> {
        @Override
        public Response toResponse(ResourceNotFoundException exception) {
            return Response.status(410).entity("mine too").build();
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FailingResource.class, TeapotMapper.class, GoneMapper.class));

    @Test
    void applicationMappersAnswer() {
        given().get("/fail/setup").then().statusCode(200);
        given().get("/fail/conditional").then().statusCode(418).body(equalTo("mine"));
        given().get("/fail/missing-table").then().statusCode(410).body(equalTo("mine too"));
        given().get("/fail/validation").then().statusCode(500).contentType("application/problem+json");
    }
}
