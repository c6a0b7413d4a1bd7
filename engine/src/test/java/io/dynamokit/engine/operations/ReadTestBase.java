package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dynamokit.engine.support.EngineTestBase;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Tables with indexes for Query and Scan tests, and the exact error a request gets. */
abstract class ReadTestBase extends EngineTestBase {

    /**
     * Table {@code name}: keys pk (S) and sk (S); LSI {@code byLocal} on lsk (S), INCLUDE [tag]; GSI {@code byGroup}
     * on grp (S) and gsk (N), INCLUDE [data]; GSI {@code allByGroup} on grp, ALL.
     */
    protected void createIndexedTable(String name) {
        dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.S),
                        definition("lsk", ScalarAttributeType.S), definition("grp", ScalarAttributeType.S),
                        definition("gsk", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byLocal")
                        .keySchema(key("pk", KeyType.HASH), key("lsk", KeyType.RANGE))
                        .projection(include("tag")).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byGroup")
                        .keySchema(key("grp", KeyType.HASH), key("gsk", KeyType.RANGE))
                        .projection(include("data")).build(),
                        GlobalSecondaryIndex.builder().indexName("allByGroup")
                        .keySchema(key("grp", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    }

    private static AttributeDefinition definition(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static Projection include(String attribute) {
        return Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(attribute).build();
    }

    protected void put(String table, Map<String, AttributeValue> item) {
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    /** Asserts that the call fails with this exception type and exactly this message from the engine. */
    protected static void assertFails(ThrowingCallable call, Class<? extends AwsServiceException> type,
            String message) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(type);
        assertThat(((AwsServiceException) thrown).awsErrorDetails().errorMessage()).isEqualTo(message);
    }
}
