package io.dynamokit.deployment.configstore;

import java.net.URI;
import java.util.Map;
import java.util.function.Predicate;

import io.dynamokit.deployment.devservices.TestDynamoDb;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A client of the tests' own DynamoDB Local, for set-up and for writes "by another application". */
final class StoreFixtures {

    private StoreFixtures() {
    }

    static DynamoDbClient testDynamoDb() {
        // inside the application, whose class loader has its own copy of TestDynamoDb, the property says where it runs
        String endpoint = System.getProperty(TestDynamoDb.ENDPOINT_PROPERTY);
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint != null ? endpoint : TestDynamoDb.endpoint())).region(Region.US_EAST_1)
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

    /** The {@code problem()} of a {@code ConfigStoreTableException} thrown in the application's class loader. */
    static Object problem(Throwable tableException) {
        try {
            return tableException.getClass().getMethod("problem").invoke(tableException);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("not a ConfigStoreTableException: " + tableException, e);
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
