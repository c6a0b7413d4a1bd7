package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.function.Predicate;

import io.dynamokit.configstore.ConfigStoreTableException;
import io.dynamokit.deployment.devservices.EmbeddedDynamoDbFixture;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A client of the tests' own DynamoKit Engine, for set-up and for writes "by another application". */
final class StoreFixtures {

    private static final String ENDPOINT_OVERRIDE = "quarkus.dynamodb.endpoint-override";

    private StoreFixtures() {
    }

    static DynamoDbClient testDynamoDb() {
        // inside the application, whose class loader has its own copy of EmbeddedDynamoDbFixture, the property says where it runs
        String endpoint = System.getProperty(EmbeddedDynamoDbFixture.ENDPOINT_PROPERTY);
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint != null ? endpoint : EmbeddedDynamoDbFixture.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testkey", "testsecret")))
                .build();
    }

    /** A table with these string keys, created unless it exists. */
    static void table(DynamoDbClient dynamo, String name, String hash, String range) {
        try {
            dynamo.describeTable(b -> b.tableName(name));
            return;
        } catch (ResourceNotFoundException e) {
            // create it
        }
        dynamo.createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName(hash).keyType(KeyType.HASH), k -> k.attributeName(range).keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName(hash).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(range).attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    }

    /** An item in the seed's layout. */
    static void put(DynamoDbClient dynamo, String table, String store, String option, Map<String, AttributeValue> values) {
        java.util.Map<String, AttributeValue> item = new java.util.HashMap<>(values);
        item.put("_store", AttributeValue.fromS(store));
        item.put("_option", AttributeValue.fromS(option));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** The failure or cause of this class, found by name: the application's class loader has its own copy. */
    static Throwable find(Throwable failure, Class<?> type) {
        return find(failure, t -> t.getClass().getName().equals(type.getName()));
    }

    /**
     * Starts a fault proxy with this rule in front of the tests' DynamoKit Engine, and points the application at it (a
     * system property, read when the application starts).
     */
    static FaultProxy startupThrough(FaultRule rule) {
        FaultProxy proxy = FaultProxy.start(URI.create(EmbeddedDynamoDbFixture.endpoint()));
        proxy.addRule(rule);
        System.setProperty(ENDPOINT_OVERRIDE, proxy.uri().toString());
        return proxy;
    }

    static void closeStartupProxy(FaultProxy proxy) {
        System.clearProperty(ENDPOINT_OVERRIDE);
        proxy.close();
    }

    /** A failed start-up was caused by a {@code ConfigStoreTableException} with this problem and message. */
    static void assertTableProblem(Throwable startupFailure, String problem, String message) {
        Throwable error = find(startupFailure, ConfigStoreTableException.class);
        assertThat(error).as("a ConfigStoreTableException in %s", startupFailure).isNotNull();
        assertThat(error.getMessage()).isEqualTo(message);
        try {
            // thrown in the application's class loader: its own copy of the class
            assertThat(String.valueOf(error.getClass().getMethod("problem").invoke(error))).isEqualTo(problem);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static Throwable find(Throwable failure, Predicate<Throwable> wanted) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (wanted.test(t)) {
                return t;
            }
        }
        return null;
    }
}
