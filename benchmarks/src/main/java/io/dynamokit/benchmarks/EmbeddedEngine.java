package io.dynamokit.benchmarks;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.dynamokit.document.DocumentClient;
import io.dynamokit.engine.DynamoEngine;
import io.dynamokit.engine.EngineOptions;
import io.dynamokit.runtime.document.DefaultDocumentClient;
import io.dynamokit.runtime.document.DocumentSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoKit Engine in this JVM, in memory, on an ephemeral port of 127.0.0.1; plus the SDK client and the document
 * client the benchmarks use against it.
 */
final class EmbeddedEngine implements AutoCloseable {

    private final DynamoEngine engine;
    private final String endpoint;
    private final DynamoDbClient sdkClient;
    private final ExecutorService executor;
    private final DocumentClient documentClient;

    private EmbeddedEngine(DynamoEngine engine, int batchConcurrency) {
        this.engine = engine;
        this.endpoint = engine.endpoint().toString();
        this.sdkClient = DynamoDbClient.builder()
                .endpointOverride(engine.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(50))
                .build();
        this.executor = Executors.newFixedThreadPool(batchConcurrency, daemonThreads());
        DocumentSettings settings = new DocumentSettings(10,
                BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(5)), batchConcurrency, null);
        this.documentClient = new DefaultDocumentClient(sdkClient, settings, executor);
    }

    /**
     * Starts the engine on a free loopback port.
     *
     * @param batchConcurrency how many requests of one batch call the document client sends at once
     */
    static EmbeddedEngine start(int batchConcurrency) {
        return new EmbeddedEngine(DynamoEngine.start(EngineOptions.defaults()), batchConcurrency);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "batch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    String endpoint() {
        return endpoint;
    }

    DynamoDbClient sdkClient() {
        return sdkClient;
    }

    DocumentClient documentClient() {
        return documentClient;
    }

    /** Creates an on-demand table keyed by a String partition key and, if {@code sortKey} is set, a Number sort key. */
    void createTable(String table, String partitionKey, String sortKey) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (sortKey == null) {
            request.keySchema(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(partitionKey)
                            .attributeType(ScalarAttributeType.S).build());
        } else {
            request.keySchema(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build(),
                    KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build())
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(partitionKey)
                                    .attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(sortKey)
                                    .attributeType(ScalarAttributeType.N).build());
        }
        documentClient.createTable(request.build());
        documentClient.awaitActive(table, Duration.ofSeconds(30));
    }

    void deleteTable(String table) {
        documentClient.deleteTable(table);
        documentClient.awaitDeleted(table, Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        sdkClient.close();
        executor.shutdownNow();
        engine.close();
    }
}
