package io.dynamokit.deployment.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.document.TransactWrite;
import io.dynamokit.document.WriteOptions;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Endpoints that fail in the ways DynamoDB calls fail.
 */
@Path("/fail")
public class FailingResource {

    static final String TABLE = "Problems";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    DynamoDbAsyncClient asyncDynamo;

    @Inject
    DocumentClient documents;

    @Inject
    ReactiveDocumentClient reactiveDocuments;

    @GET
    @Path("setup")
    public String setup() {
        try {
            dynamo.createTable(b -> b.tableName(TABLE)
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException exists) {
            // created by an earlier test
        }
        return "ok";
    }

    @GET
    @Path("conditional")
    public String conditional() {
        documents.putItem(TABLE, Map.of("id", "secret-key-value"), WriteOptions.when("attribute_exists(id)"));
        return "unreachable";
    }

    @GET
    @Path("transaction")
    public String transaction() {
        documents.transactWriteItems(List.of(
                TransactWrite.put(TABLE, Map.of("id", "tx")),
                TransactWrite.conditionCheck(TABLE, Map.of("id", "absent"), "attribute_exists(id)")));
        return "unreachable";
    }

    @GET
    @Path("conditional-uni")
    public Uni<String> conditionalUni() {
        return reactiveDocuments.putItem(TABLE, Map.of("id", "secret-key-value"), WriteOptions.when("attribute_exists(id)"))
                .map(previous -> "unreachable");
    }

    @GET
    @Path("conditional-completion-stage")
    public CompletionStage<String> conditionalCompletionStage() {
        return asyncDynamo.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS("secret-key-value")))
                .conditionExpression("attribute_exists(id)"))
                .thenApply(response -> "unreachable");
    }

    @GET
    @Path("list-tables")
    public List<String> listTables() {
        return dynamo.listTables().tableNames();
    }

    @GET
    @Path("list-tables-uni")
    public Uni<List<String>> listTablesUni() {
        return Uni.createFrom().completionStage(() -> asyncDynamo.listTables())
                .map(response -> response.tableNames());
    }

    @GET
    @Path("list-tables-completion-stage")
    public CompletionStage<List<String>> listTablesCompletionStage() {
        return asyncDynamo.listTables().thenApply(response -> response.tableNames());
    }

    /** A total call timeout shorter than the client's attempt timeout, so that the call times out as a whole. */
    @GET
    @Path("call-timeout")
    public List<String> callTimeout() {
        return dynamo.listTables(b -> b.overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMillis(300))))
                .tableNames();
    }

    @GET
    @Path("missing-table")
    public String missingTable() {
        dynamo.describeTable(b -> b.tableName("NoSuchTable"));
        return "unreachable";
    }

    @GET
    @Path("validation")
    public String validation() {
        documents.putItem(TABLE, Map.of("wrong", "no key attribute"));
        return "unreachable";
    }

    @GET
    @Path("not-found")
    public String notFound() {
        documents.getItemOrThrow(TABLE, Map.of("id", "nobody"));
        return "unreachable";
    }
}
