package io.dynamokit.it.forum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The forum's {@code Thread} table: hash key {@code ForumName}, range key {@code Subject}, and the local secondary
 * index {@code LastPostIndex} on {@code LastPostDateTime}. Created at start-up when missing.
 */
@ApplicationScoped
public class ThreadTable {

    public static final String NAME = "Thread";
    public static final String LAST_POST_INDEX = "LastPostIndex";

    private static final Logger LOG = Logger.getLogger(ThreadTable.class);

    void createIfMissing(@Observes StartupEvent event, DynamoDbClient dynamo) {
        try {
            dynamo.describeTable(b -> b.tableName(NAME));
            return;
        } catch (ResourceNotFoundException e) {
            LOG.infof("Creating table %s", NAME);
        }
        dynamo.createTable(b -> b.tableName(NAME)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute("ForumName"), attribute("Subject"), attribute("LastPostDateTime"))
                .keySchema(key("ForumName", KeyType.HASH), key("Subject", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName(LAST_POST_INDEX)
                        .keySchema(key("ForumName", KeyType.HASH), key("LastPostDateTime", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build()));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(NAME));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
