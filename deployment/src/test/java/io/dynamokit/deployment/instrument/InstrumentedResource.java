package io.dynamokit.deployment.instrument;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.instrument.DynamoInstrumented;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@Path("/instrumented")
public class InstrumentedResource {

    static final String TABLE = "Instrumented";

    @Inject
    DocumentClient documents;

    @Inject
    ReactiveDocumentClient reactive;

    @GET
    @Path("setup")
    public String setup() {
        try {
            documents.createTable(CreateTableRequest.builder().tableName(TABLE)
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST).build());
        } catch (ResourceInUseException exists) {
            // created by an earlier request
        }
        return "ok";
    }

    /** Two DynamoDB calls on the request thread. */
    @GET
    @Path("blocking")
    @DynamoInstrumented
    public String blocking() {
        documents.putItem(TABLE, Map.of("id", "blocking"));
        return documents.getItem(TABLE, Map.of("id", "blocking")).isPresent() ? "found" : "missing";
    }

    /** Two DynamoDB calls, the second started on the thread that completes the first. */
    @GET
    @Path("reactive")
    @DynamoInstrumented
    public Uni<String> reactive() {
        return reactive.putItem(TABLE, Map.of("id", "reactive"))
                .chain(ignored -> reactive.getItem(TABLE, Map.of("id", "reactive")))
                .map(item -> item.isPresent() ? "found" : "missing");
    }

    /** Not annotated: measured only with quarkus.dynamokit.instrumentation.all-requests. */
    @GET
    @Path("plain")
    public String plain() {
        return documents.getItem(TABLE, Map.of("id", "blocking")).isPresent() ? "found" : "missing";
    }
}
