package io.dynamokit.deployment.http;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.TransactWrite;
import io.dynamokit.document.WriteOptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
    DocumentClient documents;

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
    @Path("list-tables")
    public List<String> listTables() {
        return dynamo.listTables().tableNames();
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
