package io.dynamokit.deployment.devservices;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@Path("/pets")
public class PetResource {

    static final String VERSION = "v1";

    @Inject
    DynamoDbClient dynamo;

    @PUT
    @Path("{name}")
    public String put(@PathParam("name") String name) {
        try {
            dynamo.createTable(b -> b.tableName("DevPets")
                    .keySchema(KeySchemaElement.builder().attributeName("name").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("name")
                            .attributeType(ScalarAttributeType.S).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException exists) {
            // created by an earlier call
        }
        dynamo.putItem(b -> b.tableName("DevPets").item(Map.of("name", AttributeValue.fromS(name))));
        return VERSION;
    }

    @GET
    @Path("{name}")
    public String get(@PathParam("name") String name) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("DevPets").consistentRead(true)
                .key(Map.of("name", AttributeValue.fromS(name)))).item();
        return VERSION + ":" + (item == null || item.isEmpty() ? "missing" : "found");
    }

    @GET
    @Path("/endpoint")
    public String endpoint() {
        return dynamo.serviceClientConfiguration().endpointOverride().map(Object::toString).orElse("none");
    }
}
