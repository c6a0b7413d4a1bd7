package io.dynamokit.runtime.configstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import io.dynamokit.configstore.ConfigStoreTableException;
import io.dynamokit.configstore.ConfigStoreTableException.Problem;
import io.dynamokit.runtime.config.TableReadiness;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A config store's table at start-up: created when missing and allowed, checked for the store's key schema, waited for
 * until ACTIVE. Through the SDK's {@code DynamoDbClient} and its {@code DynamoDbWaiter}: the store reads and writes
 * only the table itself, so an index still being built on it does not hold start-up back.
 */
final class StoreTable {

    private static final Logger LOG = Logger.getLogger(StoreTable.class);

    private StoreTable() {
    }

    static void prepare(StoreSettings settings, DynamoDbClient client) {
        TableDescription table;
        try {
            table = client.describeTable(describe(settings)).table();
        } catch (ResourceNotFoundException e) {
            table = create(settings, client, e);
        }
        checkSchema(settings, table);
        if (table.tableStatus() != TableStatus.ACTIVE) {
            awaitActive(settings, client);
        }
    }

    private static TableDescription create(StoreSettings settings, DynamoDbClient client,
            ResourceNotFoundException missing) {
        if (!settings.createTable()) {
            throw new ConfigStoreTableException(settings.name(), settings.tableName(), Problem.NOT_CREATED,
                    "Table '" + settings.tableName() + "' of config store '" + settings.name()
                            + "' does not exist: create it (hash key " + settings.storeKeyAttribute()
                            + " (S), range key " + settings.optionKeyAttribute() + " (S)), or set "
                            + StoreSettings.prefix(settings.name()) + "create-table=true",
                    missing);
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(settings.tableName())
                .keySchema(KeySchemaElement.builder().attributeName(settings.storeKeyAttribute()).keyType(KeyType.HASH)
                        .build(),
                        KeySchemaElement.builder().attributeName(settings.optionKeyAttribute()).keyType(KeyType.RANGE)
                                .build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(settings.storeKeyAttribute())
                                .attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(settings.optionKeyAttribute())
                                .attributeType(ScalarAttributeType.S).build())
                .billingMode(settings.billingMode());
        if (settings.billingMode() == BillingMode.PROVISIONED) {
            request.provisionedThroughput(t -> t.readCapacityUnits(settings.readCapacityUnits())
                    .writeCapacityUnits(settings.writeCapacityUnits()));
        }
        try {
            client.createTable(request.build());
            LOG.infof("Created table '%s' for config store '%s'", settings.tableName(), settings.name());
        } catch (ResourceInUseException e) {
            // created meanwhile by another instance of the application: its schema is checked below
            LOG.debugf("Table '%s' was created by someone else meanwhile", settings.tableName());
        } catch (RuntimeException e) {
            // DynamoDB's code and message without the SDK's request id, which says nothing to the reader
            String cause = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                    ? service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage()
                    : e.getMessage();
            throw new ConfigStoreTableException(settings.name(), settings.tableName(), Problem.NOT_CREATED,
                    "Table '" + settings.tableName() + "' of config store '" + settings.name()
                            + "' could not be created (" + cause + "): create it (hash key "
                            + settings.storeKeyAttribute() + " (S), range key " + settings.optionKeyAttribute()
                            + " (S)) yourself, or remove the cause and start again",
                    e);
        }
        return awaitActive(settings, client);
    }

    private static TableDescription awaitActive(StoreSettings settings, DynamoDbClient client) {
        try {
            return waitUntilActive(settings, client);
        } catch (SdkClientException e) {
            throw new ConfigStoreTableException(settings.name(), settings.tableName(), Problem.NOT_READY,
                    "Table '" + settings.tableName() + "' of config store '" + settings.name()
                            + "' is not ACTIVE within " + settings.tableReadyTimeout() + " ("
                            + StoreSettings.prefix(settings.name()) + "table-ready-timeout): " + e.getMessage(),
                    e);
        }
    }

    /**
     * Waits with the SDK's waiter (a missing table is waited for too).
     *
     * @throws SdkClientException when the table is not ACTIVE in time, with the status last seen; a DescribeTable
     *         failure other than a missing table, as itself
     */
    private static TableDescription waitUntilActive(StoreSettings settings, DynamoDbClient client) {
        Duration timeout = settings.tableReadyTimeout();
        WaiterOverrideConfiguration polling = TableReadiness.polling(timeout);
        try {
            return client.waiter().waitUntilTableExists(describe(settings), polling).matched().response()
                    .orElseThrow().table();
        } catch (SdkClientException e) {
            // a failure the waiter's acceptors do not expect ends the wait at once: it is the one to report
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw SdkClientException.builder().message("Table " + settings.tableName()
                    + " was not ACTIVE with all its global secondary indexes within " + timeout + " (last seen: "
                    + lastSeen(settings, client) + ")").cause(e).build();
        }
    }

    /** The table's status and each global secondary index's, as a failed wait reports them. */
    private static String lastSeen(StoreSettings settings, DynamoDbClient client) {
        TableDescription table;
        try {
            table = client.describeTable(describe(settings)).table();
        } catch (ResourceNotFoundException e) {
            return "missing";
        } catch (RuntimeException e) {
            return "not known, DescribeTable failed: " + e.getMessage();
        }
        StringBuilder status = new StringBuilder(String.valueOf(table.tableStatus()));
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            status.append(", index ").append(index.indexName()).append(' ').append(index.indexStatus());
        }
        return status.toString();
    }

    private static DescribeTableRequest describe(StoreSettings settings) {
        return DescribeTableRequest.builder().tableName(settings.tableName()).build();
    }

    /** The store key must be the hash key and the option key the range key, both strings. */
    static void checkSchema(StoreSettings settings, TableDescription table) {
        Map<KeyType, String> found = new TreeMap<>();
        for (KeySchemaElement key : table.keySchema()) {
            found.put(key.keyType(), key.attributeName());
        }
        Map<String, ScalarAttributeType> types = new TreeMap<>();
        for (AttributeDefinition attribute : table.attributeDefinitions()) {
            types.put(attribute.attributeName(), attribute.attributeType());
        }
        List<String> problems = new ArrayList<>();
        if (!settings.storeKeyAttribute().equals(found.get(KeyType.HASH))
                || !settings.optionKeyAttribute().equals(found.get(KeyType.RANGE))) {
            problems.add("expected hash key " + settings.storeKeyAttribute() + " and range key "
                    + settings.optionKeyAttribute() + ", found hash key " + found.get(KeyType.HASH) + " and range key "
                    + (found.containsKey(KeyType.RANGE) ? found.get(KeyType.RANGE) : "none"));
        } else {
            for (String key : List.of(settings.storeKeyAttribute(), settings.optionKeyAttribute())) {
                if (types.get(key) != ScalarAttributeType.S) {
                    problems.add("expected key " + key + " of type S (string), found " + types.get(key));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigStoreTableException(settings.name(), settings.tableName(), Problem.MISCONFIGURED_SCHEMA,
                    "Table '" + settings.tableName() + "' cannot hold config store '" + settings.name() + "': "
                            + String.join("; ", problems) + ". Point " + StoreSettings.prefix(settings.name())
                            + "table at another table, or set " + StoreSettings.prefix(settings.name())
                            + "store-key-attribute and option-key-attribute to this table's keys",
                    null);
        }
    }
}
