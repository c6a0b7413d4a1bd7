package io.dynamokit.deployment.http;

import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application whose DynamoDB clients find no credentials: they use the default chain, which finds none here.
 */
final class NoCredentials {

    private NoCredentials() {
    }

    static QuarkusUnitTest app() {
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(FailingResource.class, NoCredentials.class))
                .setBeforeAllCustomizer(
                        () -> System.setProperty("quarkus.dynamodb.endpoint-override", EmbeddedDynamoDbFixture.endpoint()))
                .setAfterAllCustomizer(() -> System.clearProperty("quarkus.dynamodb.endpoint-override"))
                .overrideConfigKey("quarkus.dynamodb.aws.region", "us-east-1")
                .overrideConfigKey("quarkus.dynamodb.aws.credentials.type", "default");
    }
}
