package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.support.EngineTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class TableOperationsTest extends EngineTestBase {

    private static AttributeDefinition def(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    @Test
    void createDescribeAndDeleteATableWithIndexes() {
        CreateTableResponse created = dynamo.createTable(CreateTableRequest.builder().tableName("orders")
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.N),
                        def("lsk", ScalarAttributeType.S), def("gpk", ScalarAttributeType.B))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byLsk")
                        .keySchema(key("pk", KeyType.HASH), key("lsk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byGpk")
                        .keySchema(key("gpk", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("a", "b").build())
                        .provisionedThroughput(units(3, 4)).build())
                .provisionedThroughput(units(5, 6))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))
                .tags(t -> t.key("team").value("sales"))
                .build());
        assertThat(created.tableDescription().tableStatus()).isEqualTo(TableStatus.CREATING);

        TableDescription table = dynamo.describeTable(r -> r.tableName("orders")).table();
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.tableArn()).isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/orders");
        assertThat(table.keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(6);
        assertThat(table.itemCount()).isZero();
        assertThat(table.tableId()).hasSize(36);
        assertThat(table.creationDateTime()).isNotNull();
        assertThat(table.localSecondaryIndexes()).singleElement().satisfies(lsi -> {
            assertThat(lsi.indexName()).isEqualTo("byLsk");
            assertThat(lsi.indexArn()).isEqualTo(table.tableArn() + "/index/byLsk");
        });
        GlobalSecondaryIndexDescription gsi = table.globalSecondaryIndexes().get(0);
        assertThat(gsi.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(gsi.projection().nonKeyAttributes()).containsExactly("a", "b");
        assertThat(gsi.provisionedThroughput().readCapacityUnits()).isEqualTo(3);
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        assertThat(table.latestStreamArn()).startsWith(table.tableArn() + "/stream/");
        assertThat(table.deletionProtectionEnabled()).isFalse();

        assertThat(dynamo.deleteTable(r -> r.tableName("orders")).tableDescription().tableStatus())
                .isEqualTo(TableStatus.DELETING);
        assertThatThrownBy(() -> dynamo.describeTable(r -> r.tableName("orders")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: orders not found");
    }

    @Test
    void creatingAnExistingTableIsResourceInUse() {
        createHashTable("twice", ScalarAttributeType.S);
        assertThatThrownBy(() -> createHashTable("twice", ScalarAttributeType.S))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith("Table already exists: twice");
    }

    @Test
    void createTableValidation() {
        assertThatThrownBy(() -> dynamo.createTable(CreateTableRequest.builder().tableName("ab")
                .attributeDefinitions(def("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST).build()))
                .hasMessageStartingWith("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 3");
        assertThatThrownBy(() -> dynamo.createTable(CreateTableRequest.builder().tableName("nokeys")
                .attributeDefinitions(def("pk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("pk", KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST).build()))
                .hasMessageStartingWith("Invalid KeySchema: Some index key attribute have no definition");
        assertThatThrownBy(() -> dynamo.createTable(CreateTableRequest.builder().tableName("unused")
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("x", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST).build()))
                .hasMessageStartingWith("One or more parameter values were invalid: Number of attributes in "
                        + "KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        assertThatThrownBy(() -> dynamo.createTable(CreateTableRequest.builder().tableName("provisioned")
                .attributeDefinitions(def("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .build()))
                .hasMessageStartingWith("One or more parameter values were invalid: ReadCapacityUnits and "
                        + "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        assertThatThrownBy(() -> dynamo.createTable(CreateTableRequest.builder().tableName("lsi-on-hash")
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("l", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi")
                        .keySchema(key("pk", KeyType.HASH), key("l", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build()))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Table KeySchema does not have "
                        + "a range key, which is required when specifying a LocalSecondaryIndex");
        assertThatThrownBy(() -> dynamo.createTable(CreateTableRequest.builder().tableName("bad type")
                .attributeDefinitions(def("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST).build()))
                .hasMessageStartingWith("1 validation error detected: Value 'bad type' at 'tableName' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void missingTableNameOverRawHttp() {
        RawAnswer answer = post("CreateTable", "{\"KeySchema\": []}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("ValidationException")
                .contains("The parameter 'TableName' is required but was not present in the request");
        assertThat(post("CreateTable", "{\"TableName\": 12}").body())
                .contains("SerializationException").contains("can not be converted to an String");
    }

    @Test
    void listTablesPages() {
        for (String name : List.of("list-c", "list-a", "list-b")) {
            createHashTable(name, ScalarAttributeType.S);
        }
        var first = dynamo.listTables(r -> r.exclusiveStartTableName("list-").limit(2));
        assertThat(first.tableNames()).containsExactly("list-a", "list-b");
        assertThat(first.lastEvaluatedTableName()).isEqualTo("list-b");
        var second = dynamo.listTables(r -> r.exclusiveStartTableName("list-b").limit(2));
        assertThat(second.tableNames()).startsWith("list-c");
        assertThatThrownBy(() -> dynamo.listTables(r -> r.limit(0)))
                .hasMessageStartingWith("1 validation error detected: Value '0' at 'limit' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void updateThroughputBillingAndIndexes() {
        dynamo.createTable(CreateTableRequest.builder().tableName("upd")
                .attributeDefinitions(def("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .provisionedThroughput(units(5, 5)).build());
        assertThatThrownBy(() -> dynamo.updateTable(r -> r.tableName("upd").provisionedThroughput(units(5, 5))))
                .hasMessageStartingWith("The provisioned throughput for the table will not change.");
        dynamo.updateTable(r -> r.tableName("upd").provisionedThroughput(units(10, 7)));
        TableDescription table = dynamo.describeTable(r -> r.tableName("upd")).table();
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(10);
        assertThat(table.provisionedThroughput().lastIncreaseDateTime()).isNotNull();

        dynamo.putItem(r -> r.tableName("upd").item(item("pk", s("1"), "g", s("x"))));
        dynamo.putItem(r -> r.tableName("upd").item(item("pk", s("2"))));
        dynamo.updateTable(r -> r.tableName("upd").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("g", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG").keySchema(key("g", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        table = dynamo.describeTable(r -> r.tableName("upd")).table();
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            assertThat(gsi.itemCount()).isEqualTo(1);
        });
        assertThatThrownBy(() -> dynamo.updateTable(r -> r.tableName("upd")
                .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("nope")))))
                .isInstanceOf(ResourceNotFoundException.class);
        dynamo.updateTable(r -> r.tableName("upd").globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byG"))));
        table = dynamo.describeTable(r -> r.tableName("upd")).table();
        assertThat(table.globalSecondaryIndexes()).isEmpty();
        assertThat(table.attributeDefinitions()).containsExactly(def("pk", ScalarAttributeType.S));
        assertThatThrownBy(() -> dynamo.updateTable(r -> r.tableName("upd")))
                .hasMessageStartingWith("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                        + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
    }

    @Test
    void deletionProtectionRefusesDeleteTable() {
        dynamo.createTable(CreateTableRequest.builder().tableName("protected")
                .attributeDefinitions(def("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST).deletionProtectionEnabled(true).build());
        assertThatThrownBy(() -> dynamo.deleteTable(r -> r.tableName("protected")))
                .hasMessageStartingWith("Resource cannot be deleted as it is currently protected against deletion.");
        dynamo.updateTable(r -> r.tableName("protected").deletionProtectionEnabled(false));
        dynamo.deleteTable(r -> r.tableName("protected"));
        assertThatThrownBy(() -> dynamo.deleteTable(r -> r.tableName("protected")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void describeLimitsAndEndpoints() {
        assertThat(dynamo.describeLimits(r -> { }).tableMaxReadCapacityUnits()).isEqualTo(40000);
        assertThat(dynamo.describeEndpoints(r -> { }).endpoints().get(0).address())
                .isEqualTo("dynamodb.eu-west-1.amazonaws.com");
    }

    private static ProvisionedThroughput units(long read, long write) {
        return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
    }
}
