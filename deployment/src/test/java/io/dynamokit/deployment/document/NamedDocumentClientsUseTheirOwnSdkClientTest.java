package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.GetOptions;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.LoopbackPorts;
import io.dynamokit.test.fault.RecordedRequest;
import io.quarkiverse.amazon.common.AmazonClient;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @AmazonClient("archive")} document clients, blocking and reactive, go through the SDK clients configured for
 * "archive" (here: another endpoint, a second proxy), and the default document clients through the default ones.
 */
public class NamedDocumentClientsUseTheirOwnSdkClientTest {

    private static final int DEFAULT_PORT = LoopbackPorts.reserve(
            NamedDocumentClientsUseTheirOwnSdkClientTest.class.getName() + ".default");
    private static final int ARCHIVE_PORT = LoopbackPorts.reserve(
            NamedDocumentClientsUseTheirOwnSdkClientTest.class.getName() + ".archive");
    static final String TABLE = "NamedClients";

    @RegisterExtension
    static final QuarkusUnitTest APP = DocumentFixtures.app()
            .withConfigurationResource("explicit-endpoint.properties")
            .setBeforeAllCustomizer(() -> EmbeddedDynamoDbFixture.endpoint())
            .overrideConfigKey("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + DEFAULT_PORT)
            .overrideConfigKey("quarkus.dynamodb.archive.endpoint-override", "http://127.0.0.1:" + ARCHIVE_PORT);

    @Inject
    DocumentClient documents;

    @Inject
    ReactiveDocumentClient reactive;

    @Inject
    @AmazonClient("archive")
    DocumentClient archive;

    @Inject
    @AmazonClient("archive")
    ReactiveDocumentClient reactiveArchive;

    @Test
    void eachDocumentClientSendsThroughItsOwnEndpoint() {
        URI upstream = URI.create(System.getProperty("io.dynamokit.test.engine-endpoint"));
        try (FaultProxy defaultProxy = FaultProxy.start(upstream, DEFAULT_PORT);
                FaultProxy archiveProxy = FaultProxy.start(upstream, ARCHIVE_PORT)) {
            archive.createTable(DocumentFixtures.keyedBy(TABLE, "id"));
            archive.awaitActive(TABLE, Duration.ofSeconds(30));
            assertThat(defaultProxy.requests()).isEmpty();
            assertThat(archiveProxy.requests()).extracting(RecordedRequest::operation).contains("CreateTable", "DescribeTable");

            defaultProxy.clearRequests();
            archiveProxy.clearRequests();
            documents.putItem(TABLE, Map.of("id", "by-default-blocking"));
            reactive.putItem(TABLE, Map.of("id", "by-default-reactive")).await().atMost(Duration.ofSeconds(30));
            archive.putItem(TABLE, Map.of("id", "by-archive-blocking"));
            reactiveArchive.putItem(TABLE, Map.of("id", "by-archive-reactive")).await().atMost(Duration.ofSeconds(30));

            assertThat(defaultProxy.requests()).extracting(RecordedRequest::bodyAsString).satisfiesExactly(
                    body -> assertThat(body).contains("by-default-blocking"),
                    body -> assertThat(body).contains("by-default-reactive"));
            assertThat(archiveProxy.requests()).extracting(RecordedRequest::bodyAsString).satisfiesExactly(
                    body -> assertThat(body).contains("by-archive-blocking"),
                    body -> assertThat(body).contains("by-archive-reactive"));

            // both endpoints lead to the same DynamoDB here: what one client wrote, the other reads
            assertThat(documents.getItem(TABLE, Map.of("id", "by-archive-reactive"), GetOptions.consistent())).isPresent();
            assertThat(reactiveArchive.getItem(TABLE, Map.of("id", "by-default-blocking"), GetOptions.consistent())
                    .await().atMost(Duration.ofSeconds(30))).isPresent();
            assertThat(defaultProxy.requests()).extracting(RecordedRequest::operation).endsWith("GetItem");
            assertThat(archiveProxy.requests()).extracting(RecordedRequest::operation).endsWith("GetItem");
            assertThat(defaultProxy.requests()).hasSize(3);
            assertThat(archiveProxy.requests()).hasSize(3);
        }
    }
}
