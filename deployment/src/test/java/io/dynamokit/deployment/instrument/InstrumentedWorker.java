package io.dynamokit.deployment.instrument;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dynamokit.instrument.DynamoInstrumented;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

@ApplicationScoped
public class InstrumentedWorker {

    @Inject
    DynamoDbClient client;

    @Inject
    DynamoDbAsyncClient asyncClient;

    @DynamoInstrumented
    public void listTables() {
        client.listTables();
    }

    @DynamoInstrumented
    public void describeMissingTable() {
        client.describeTable(b -> b.tableName("NotThere"));
    }

    @DynamoInstrumented
    public CompletableFuture<ListTablesResponse> listTablesAsync() {
        return asyncClient.listTables();
    }

    public void notInstrumented() {
        client.listTables();
    }
}
