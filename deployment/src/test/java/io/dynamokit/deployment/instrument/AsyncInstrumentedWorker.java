package io.dynamokit.deployment.instrument;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.document.Scan;
import io.dynamokit.instrument.DynamoInstrumented;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Instrumented methods returning asynchronous work whose second DynamoDB request starts when the first one answered,
 * on the thread that completes it.
 */
@ApplicationScoped
public class AsyncInstrumentedWorker {

    static final String TABLE = "AsyncInstrumented";

    @Inject
    DynamoDbClient client;

    @Inject
    DynamoDbAsyncClient asyncClient;

    @Inject
    ReactiveDocumentClient documents;

    void createTable() {
        try {
            client.createTable(b -> b.tableName(TABLE)
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException exists) {
            // created for an earlier test
        }
    }

    @DynamoInstrumented
    public CompletableFuture<GetItemResponse> putThenGet(String id) {
        return asyncClient.putItem(b -> b.tableName(TABLE).item(key(id)))
                .thenCompose(put -> asyncClient.getItem(b -> b.tableName(TABLE).key(key(id))));
    }

    @DynamoInstrumented
    public Uni<GetItemResponse> putThenGetUni(String id) {
        return Uni.createFrom().completionStage(() -> asyncClient.putItem(b -> b.tableName(TABLE).item(key(id))))
                .chain(put -> Uni.createFrom()
                        .completionStage(() -> asyncClient.getItem(b -> b.tableName(TABLE).key(key(id)))));
    }

    /** One item per page: each page after the first is fetched when the previous one arrived. */
    @DynamoInstrumented
    public Multi<Map<String, Object>> scanPageByPage() {
        return documents.scan(Scan.on(TABLE).limit(1));
    }

    /** Asks DynamoDB to report the capacity the write consumed. */
    @DynamoInstrumented
    public PutItemResponse putReportingCapacity(String id) {
        return client.putItem(b -> b.tableName(TABLE).item(key(id)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }
}
