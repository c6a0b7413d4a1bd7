package io.dynamokit.deployment.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.ValidatableResponse;

/**
 * Each kind of DynamoDB failure, caused for real against DynamoKit Engine or through the fault proxy, answered over
 * HTTP as an RFC 9457 problem with the right status. Test mode: DynamoDB's message is in {@code detail}.
 */
public class ExceptionMappersAnswerProblemsTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(ExceptionMappersAnswerProblemsTest.class.getName());
    private static FaultProxy proxy;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(FailingResource.class))
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(() -> EmbeddedDynamoDbFixture.endpoint())
            .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + PROXY_PORT)
            .overrideConfigKey("quarkus.dynamokit.client.retry.max-retries", "0")
            .overrideConfigKey("quarkus.dynamodb.api-call-attempt-timeout", "1S")
            .overrideConfigKey("quarkus.dynamokit.exception-mappers.unavailable-retry-after", "7S");

    @BeforeEach
    void proxy() {
        if (proxy == null) {
            proxy = FaultProxy.start(URI.create(System.getProperty("io.dynamokit.test.engine-endpoint")), PROXY_PORT);
        }
        proxy.clearRules();
        given().get("/fail/setup").then().statusCode(200);
    }

    static ValidatableResponse problem(String path, int status) {
        return given().get(path).then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body(not(containsString("at software.amazon")))
                .body(not(containsString("secret-access-key")));
    }

    @Test
    void failedConditionIs409() {
        problem("/fail/conditional", 409)
                .body("type", equalTo("urn:dynamokit:problem:conflict"))
                .body("errorCode", equalTo("ConditionalCheckFailedException"))
                .body("requestId", notNullValue())
                .body("detail", containsString("conditional request failed"));
    }

    @Test
    void transactionCanceledByAConditionIs409() {
        problem("/fail/transaction", 409)
                .body("type", equalTo("urn:dynamokit:problem:conflict"))
                .body("errorCode", equalTo("TransactionCanceledException"));
    }

    @Test
    void transactionConflictIs409() {
        proxy.addRule(FaultRule.error(400, "TransactionConflictException").forOperation("PutItem"));
        problem("/fail/conditional", 409)
                .body("type", equalTo("urn:dynamokit:problem:conflict"))
                .body("errorCode", equalTo("TransactionConflictException"));
    }

    @Test
    void transactionCanceledByThrottlingIs429() {
        proxy.addRule(FaultRule.transactionCanceled("None", "ThrottlingError").forOperation("TransactWriteItems"));
        problem("/fail/transaction", 429)
                .header("Retry-After", "1")
                .body("type", equalTo("urn:dynamokit:problem:throttled"))
                .body("errorCode", equalTo("TransactionCanceledException"));
    }

    @Test
    void provisionedThroughputExceededIs429WithRetryAfter() {
        proxy.addRule(FaultRule.provisionedThroughputExceeded().forOperation("ListTables"));
        problem("/fail/list-tables", 429)
                .header("Retry-After", "1")
                .body("type", equalTo("urn:dynamokit:problem:throttled"))
                .body("errorCode", equalTo("ProvisionedThroughputExceededException"));
    }

    @Test
    void throttlingExceptionIs429() {
        proxy.addRule(FaultRule.throttlingException().forOperation("ListTables"));
        problem("/fail/list-tables", 429).header("Retry-After", "1").body("errorCode", equalTo("ThrottlingException"));
    }

    @Test
    void throttlingErrorCodeWithoutATypeOfItsOwnIs429() {
        proxy.addRule(FaultRule.error(400, "Throttling").forOperation("ListTables"));
        problem("/fail/list-tables", 429).header("Retry-After", "1")
                .body("type", equalTo("urn:dynamokit:problem:throttled"))
                .body("errorCode", equalTo("Throttling"));
    }

    @Test
    void requestLimitExceededIs429WithRetryAfter() {
        proxy.addRule(FaultRule.error(400, "RequestLimitExceeded").forOperation("ListTables"));
        problem("/fail/list-tables", 429)
                .header("Retry-After", "1")
                .body("type", equalTo("urn:dynamokit:problem:throttled"))
                .body("errorCode", equalTo("RequestLimitExceeded"));
    }

    @Test
    void internalServerErrorIs503WithRetryAfter() {
        proxy.addRule(FaultRule.internalServerError().forOperation("ListTables"));
        problem("/fail/list-tables", 503)
                .header("Retry-After", "7")
                .body("type", equalTo("urn:dynamokit:problem:unavailable"))
                .body("errorCode", equalTo("InternalServerError"));
    }

    @Test
    void serviceUnavailableIs503() {
        proxy.addRule(FaultRule.serviceUnavailable().forOperation("ListTables"));
        problem("/fail/list-tables", 503).header("Retry-After", "7");
    }

    @Test
    void attemptTimeoutIs503() {
        proxy.addRule(FaultRule.delay(Duration.ofSeconds(3)).forOperation("ListTables").first(1));
        problem("/fail/list-tables", 503).header("Retry-After", "7")
                .body("type", equalTo("urn:dynamokit:problem:unavailable"))
                .body("detail", containsString("HTTP request execution did not complete"));
    }

    @Test
    void callTimeoutIs503() {
        proxy.addRule(FaultRule.delay(Duration.ofSeconds(3)).forOperation("ListTables").first(1));
        problem("/fail/call-timeout", 503).header("Retry-After", "7")
                .body("type", equalTo("urn:dynamokit:problem:unavailable"))
                .body("detail", containsString("Client execution did not complete"));
    }

    @Test
    void resetConnectionIs503() {
        proxy.addRule(FaultRule.resetConnection().forOperation("ListTables"));
        problem("/fail/list-tables", 503).body("type", equalTo("urn:dynamokit:problem:unavailable"));
    }

    @Test
    void missingTableIs500() {
        problem("/fail/missing-table", 500)
                .body("type", equalTo("urn:dynamokit:problem:dynamodb-error"))
                .body("errorCode", equalTo("ResourceNotFoundException"));
    }

    @Test
    void validationErrorIs500() {
        problem("/fail/validation", 500).body("errorCode", equalTo("ValidationException"));
    }

    @Test
    void itemNotFoundIs404() {
        problem("/fail/not-found", 404).body("type", equalTo("urn:dynamokit:problem:not-found"));
    }

    @Test
    void failedConditionInAUniEndpointIs409() {
        problem("/fail/conditional-uni", 409).body("errorCode", equalTo("ConditionalCheckFailedException"));
    }

    @Test
    void failedConditionInACompletionStageEndpointIs409() {
        problem("/fail/conditional-completion-stage", 409)
                .body("errorCode", equalTo("ConditionalCheckFailedException"));
    }

    @Test
    void throttlingInAUniEndpointIs429() {
        proxy.addRule(FaultRule.provisionedThroughputExceeded().forOperation("ListTables"));
        problem("/fail/list-tables-uni", 429).header("Retry-After", "1")
                .body("errorCode", equalTo("ProvisionedThroughputExceededException"));
    }

    @Test
    void throttlingInACompletionStageEndpointIs429() {
        proxy.addRule(FaultRule.provisionedThroughputExceeded().forOperation("ListTables"));
        problem("/fail/list-tables-completion-stage", 429).header("Retry-After", "1")
                .body("errorCode", equalTo("ProvisionedThroughputExceededException"));
    }

    @Test
    void unavailableInACompletionStageEndpointIs503() {
        proxy.addRule(FaultRule.serviceUnavailable().forOperation("ListTables"));
        problem("/fail/list-tables-completion-stage", 503).header("Retry-After", "7");
    }
}
