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
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * DynamoDB Local as the Dev Services processor starts it, without an application around it.
 */
public class EmbeddedDynamoDbStartTest {

    @TempDir
    Path temp;

    @Test
    void listensOnLoopbackOnlyAndAnswersDynamoDbRequests() throws Exception {
        EmbeddedDynamoDb db = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Settings.inMemory(null));
        try {
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
        } finally {
            db.close();
        }
    }

    @Test
    void keepsDataInTheDbPathDirectory() {
        Path dir = temp.resolve("data");
        EmbeddedDynamoDb db = EmbeddedDynamoDb.start(new EmbeddedDynamoDb.Settings(null, dir));
        db.close();
        assertThat(dir).isDirectory();
    }

    @Test
    void dbPathThatCannotBeCreatedNamesThePropertyAndTheWayOut() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
        Path impossible = file.resolve("data");

        assertThatThrownBy(() -> EmbeddedDynamoDb.start(new EmbeddedDynamoDb.Settings(null, impossible)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("quarkus.dynamokit.devservices.db-path is " + impossible
                        + ", but that directory cannot be created")
                .hasMessageEndingWith("set it to a writable directory, or set quarkus.dynamokit.devservices.in-memory=true");
    }

    @Test
    void dbPathThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("db-file"), "x");

        assertThatThrownBy(() -> EmbeddedDynamoDb.start(new EmbeddedDynamoDb.Settings(null, file)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("quarkus.dynamokit.devservices.db-path is " + file);
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertThatThrownBy(() -> EmbeddedDynamoDb.start(EmbeddedDynamoDb.Settings.inMemory(70000)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("quarkus.dynamokit.devservices.port is 70000: use a port between 1 and 65535, "
                        + "or leave it unset to pick a free port");
    }
}
