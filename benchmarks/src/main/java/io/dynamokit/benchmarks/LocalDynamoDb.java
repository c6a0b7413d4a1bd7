package io.dynamokit.benchmarks;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import io.dynamokit.document.DocumentClient;
import io.dynamokit.runtime.document.DocumentSettings;
import io.dynamokit.runtime.document.DefaultDocumentClient;
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
 * DynamoDB Local in this JVM, in memory, listening on 127.0.0.1 only, with its telemetry disabled; plus the SDK
 * client and the document client the benchmarks use against it.
 */
final class LocalDynamoDb implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";

    private final DynamoDBProxyServer server;
    private final String endpoint;
    private final DynamoDbClient sdkClient;
    private final ExecutorService executor;
    private final DocumentClient documentClient;

    private LocalDynamoDb(DynamoDBProxyServer server, String endpoint, int batchConcurrency) {
        this.server = server;
        this.endpoint = endpoint;
        this.sdkClient = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                // DynamoDB Local accepts only letters and digits in access keys
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(50))
                .build();
        this.executor = Executors.newFixedThreadPool(batchConcurrency, daemonThreads());
        DocumentSettings settings = new DocumentSettings(10,
                BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(5)), batchConcurrency, null);
        this.documentClient = new DefaultDocumentClient(sdkClient, settings, executor);
    }

    /**
     * Starts DynamoDB Local on a free loopback port.
     *
     * @param batchConcurrency how many requests of one batch call the document client sends at once
     */
    static LocalDynamoDb start(int batchConcurrency) {
        if (!"0".equals(System.getenv("DDB_LOCAL_TELEMETRY"))) {
            System.err.println("[LocalDynamoDb] DDB_LOCAL_TELEMETRY is not 0; telemetry stays off through "
                    + "-disableTelemetry, but set DDB_LOCAL_TELEMETRY=0 as well");
        }
        int port = freeLoopbackPort();
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                    "-inMemory", "-sharedDb", "-disableTelemetry", "-port", String.valueOf(port) });
            ServerConnector connector = connectorOf(server);
            connector.setHost(LOOPBACK);
            connector.setPort(port);
            server.start();
            return new LocalDynamoDb(server, "http://" + LOOPBACK + ":" + connector.getLocalPort(), batchConcurrency);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start DynamoDB Local: " + e.getMessage(), e);
        }
    }

    /** DynamoDB Local has no option for the listening address, so its Jetty connector is set directly. */
    private static ServerConnector connectorOf(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                return serverConnector;
            }
        }
        throw new IllegalStateException("DynamoDB Local's HTTP server has no network connector");
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on " + LOOPBACK, e);
        }
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
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop DynamoDB Local at " + endpoint, e);
        }
    }
}
