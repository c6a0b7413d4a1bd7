package io.dynamokit.engine.support;

import io.dynamokit.engine.DynamoEngine;
import io.dynamokit.engine.EngineOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** One engine per test class, a DynamoDB client without retries pointed at it, and raw HTTP for bad requests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EngineTestBase {
    protected DynamoEngine engine;
    protected DynamoDbClient dynamo;
    private final HttpClient http = HttpClient.newHttpClient();

    protected EngineOptions options() {
        return EngineOptions.defaults();
    }

    @BeforeAll
    void startEngine() {
        engine = DynamoEngine.start(options());
        dynamo = DynamoDbClient.builder()
                .endpointOverride(engine.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    @AfterAll
    void stopEngine() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    /** A hash-only PAY_PER_REQUEST table with key {@code pk} of the given type. */
    protected void createHashTable(String name, ScalarAttributeType type) {
        dynamo.createTable(CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(type).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
    }

    /** A PAY_PER_REQUEST table with keys {@code pk} (S) and {@code sk} of the given type. */
    protected void createCompositeTable(String name, ScalarAttributeType sortType) {
        dynamo.createTable(CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(sortType).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
    }

    protected static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    protected static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    protected static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return item;
    }

    /** A raw answer: status, headers and body text. */
    public record RawAnswer(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** Posts a body as the SDK would, signed unless {@code authorization} is null. */
    protected RawAnswer post(String target, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine.endpoint() + "/"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new RawAnswer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected RawAnswer post(String operation, String body) {
        return post("DynamoDB_20120810." + operation, body, SIGNED);
    }

    protected static final String SIGNED = "AWS4-HMAC-SHA256 Credential=key/20240101/eu-west-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123456789abcdef";
}
