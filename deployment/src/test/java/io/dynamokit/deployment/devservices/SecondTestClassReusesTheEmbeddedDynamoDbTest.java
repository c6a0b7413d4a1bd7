package io.dynamokit.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

public class SecondTestClassReusesTheEmbeddedDynamoDbTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest();

    @Inject
    DynamoDbClient client;

    @ConfigProperty(name = "quarkus.dynamodb.endpoint-override")
    String endpoint;

    @Test
    void listsTables() {
        assertThat(endpoint).startsWith("http://127.0.0.1:");
        assertThat(client.listTables().tableNames()).isNotNull();
    }
}
