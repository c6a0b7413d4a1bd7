package io.dynamokit.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.runtime.configuration.ConfigurationException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoKit Engine as the Dev Services processor starts it, without an application around it.
 */
public class EmbeddedDynamoDbStartTest {

    @TempDir
    Path temp;

    @Test
    void listensOnLoopbackOnlyAndAnswersDynamoDbRequests() throws Exception {
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Settings.inMemory(null))) {
            assertThat(db.endpoint()).isEqualTo("http://127.0.0.1:" + db.port());
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(db.endpoint()))
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                    .header("Authorization",
                            "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("TableNames");

            Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> !a.isLoopbackAddress() && a.getAddress().length == 4)
                    .findFirst();
            if (external.isPresent()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), db.port()), 2000))
                            .isInstanceOf(IOException.class);
                }
            }
        }
    }

    @Test
    void aConfiguredPortIsTheOneItListensOn() {
        int port = LoopbackPorts.reserve(EmbeddedDynamoDbStartTest.class.getName() + ".fixed");
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Settings.inMemory(port));
                DynamoDbClient client = client(db)) {
            assertThat(db.port()).isEqualTo(port);
            assertThat(db.endpoint()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(client.listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void dataInTheDataDirectorySurvivesARestart() {
        Path dir = temp.resolve("data");
        EmbeddedDynamoDb.Settings settings = new EmbeddedDynamoDb.Settings(null, dir);
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.start(settings); DynamoDbClient client = client(db)) {
            client.createTable(b -> b.tableName("Pets")
                    .keySchema(k -> k.attributeName("name").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("name").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            client.putItem(b -> b.tableName("Pets").item(Map.of("name", AttributeValue.fromS("Rex"),
                    "legs", AttributeValue.fromN("4"))));
        }
        assertThat(dir).isDirectory();

        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.start(settings); DynamoDbClient client = client(db)) {
            assertThat(client.listTables().tableNames()).containsExactly("Pets");
            assertThat(client.getItem(b -> b.tableName("Pets").key(Map.of("name", AttributeValue.fromS("Rex")))
                    .consistentRead(true)).item())
                    .isEqualTo(Map.of("name", AttributeValue.fromS("Rex"), "legs", AttributeValue.fromN("4")));
        }
    }

    @Test
    void inMemoryDataIsGoneAfterARestart() {
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Settings.inMemory(null));
                DynamoDbClient client = client(db)) {
            client.createTable(b -> b.tableName("Pets")
                    .keySchema(k -> k.attributeName("name").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("name").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        }
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Settings.inMemory(null));
                DynamoDbClient client = client(db)) {
            assertThat(client.listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void dataDirectoryThatCannotBeCreatedNamesThePropertyAndTheWayOut() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
        Path impossible = file.resolve("data");

        assertThatThrownBy(() -> EmbeddedDynamoDb.start(new EmbeddedDynamoDb.Settings(null, impossible)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("quarkus.dynamokit.devservices.data-directory is " + impossible
                        + ", but that directory cannot be created")
                .hasMessageEndingWith("set it to a writable directory, or set quarkus.dynamokit.devservices.in-memory=true");
    }

    @Test
    void dataDirectoryThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("db-file"), "x");

        assertThatThrownBy(() -> EmbeddedDynamoDb.start(new EmbeddedDynamoDb.Settings(null, file)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("quarkus.dynamokit.devservices.data-directory is " + file);
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertThatThrownBy(() -> EmbeddedDynamoDb.start(EmbeddedDynamoDb.Settings.inMemory(70000)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("quarkus.dynamokit.devservices.port is 70000: use a port between 1 and 65535, "
                        + "or leave it unset to pick a free port");
    }

    private static DynamoDbClient client(EmbeddedDynamoDb db) {
        return DynamoDbClient.builder().endpointOverride(URI.create(db.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
