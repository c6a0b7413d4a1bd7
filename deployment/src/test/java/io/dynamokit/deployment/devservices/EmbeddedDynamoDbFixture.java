package io.dynamokit.deployment.devservices;

/**
 * A DynamoKit Engine, in memory, for tests that configure an explicit endpoint (often a fault proxy in front of it),
 * apart from the embedded one that Dev Services shares.
 */
public final class EmbeddedDynamoDbFixture {

    /**
     * The system property holding the endpoint once started: the way for code running in the application's class
     * loader, which cannot see this class, to find it.
     */
    public static final String ENDPOINT_PROPERTY = "io.dynamokit.test.engine-endpoint";

    private static EmbeddedDynamoDb instance;

    private EmbeddedDynamoDbFixture() {
    }

    public static synchronized String endpoint() {
        if (instance == null) {
            instance = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Settings.inMemory(null));
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
            System.setProperty(ENDPOINT_PROPERTY, instance.endpoint());
        }
        return instance.endpoint();
    }
}
