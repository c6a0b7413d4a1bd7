package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.Query;
import io.dynamokit.runtime.config.TableReadiness;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

public class DocumentClientTablesTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = DocumentFixtures.app();

    @Inject
    DocumentClient documents;

    static CreateTableRequest plainTable(String name) {
        return DocumentFixtures.keyedBy(name, "pk");
    }

    static CreateTableRequest table(String name) {
        return DocumentFixtures.keyedByWithIndex(name);
    }

    @Test
    void tableLifecycleWithTheSdkExceptions() {
        documents.createTable(table("Lifecycle2"));
        TableDescription active = documents.awaitActive("Lifecycle2", Duration.ofSeconds(30));
        assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(active.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexStatus)
                .containsOnly(IndexStatus.ACTIVE);

        assertThatThrownBy(() -> documents.createTable(table("Lifecycle2"))).isInstanceOf(ResourceInUseException.class);
        assertThat(documents.listTables()).contains("Lifecycle2");

        documents.deleteTable("Lifecycle2");
        documents.awaitDeleted("Lifecycle2", Duration.ofSeconds(30));
        assertThat(documents.listTables()).doesNotContain("Lifecycle2");
        assertThatThrownBy(() -> documents.describeTable("Lifecycle2")).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> documents.deleteTable("Lifecycle2")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void updateTableAddsAnIndexThatQueriesThenUse() {
        documents.createTable(plainTable("Updated"));
        documents.awaitActive("Updated", Duration.ofSeconds(30));
        documents.putItem("Updated", Map.of("pk", "a", "colour", "red"));
        documents.putItem("Updated", Map.of("pk", "b", "colour", "blue"));

        TableDescription updating = documents.updateTable(UpdateTableRequest.builder().tableName("Updated")
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("colour").attributeType(ScalarAttributeType.S).build())
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(CreateGlobalSecondaryIndexAction
                        .builder().indexName("ByColour")
                        .keySchema(KeySchemaElement.builder().attributeName("colour").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()).build())
                .build());
        assertThat(updating.tableName()).isEqualTo("Updated");
        TableDescription updated = documents.awaitActive("Updated", Duration.ofSeconds(30));

        assertThat(updated.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName,
                GlobalSecondaryIndexDescription::indexStatus).containsExactly(tuple("ByColour", IndexStatus.ACTIVE));
        try (Stream<Map<String, Object>> red = documents.query(Query.on("Updated").index("ByColour")
                .keyCondition("colour = :c").value(":c", "red"))) {
            assertThat(red.toList()).containsExactly(Map.of("pk", "a", "colour", "red"));
        }
    }

    @Test
    void listTablesReadsEveryPage() {
        for (int i = 0; i < 105; i++) {
            try {
                documents.createTable(plainTable("Many" + i));
            } catch (ResourceInUseException exists) {
                // left by an earlier run in this JVM
            }
        }
        assertThat(documents.listTables()).filteredOn(n -> n.startsWith("Many")).hasSize(105);
    }

    @Test
    void aTableIsReadyOnlyWhenItAndEveryIndexAreActive() {
        TableDescription creatingIndex = TableDescription.builder().tableStatus(TableStatus.ACTIVE)
                .globalSecondaryIndexes(GlobalSecondaryIndexDescription.builder().indexName("a")
                        .indexStatus(IndexStatus.ACTIVE).build(),
                        GlobalSecondaryIndexDescription.builder().indexName("b").indexStatus(IndexStatus.CREATING).build())
                .build();
        assertThat(TableReadiness.isActiveWithIndexes(creatingIndex)).isFalse();
        assertThat(TableReadiness.isActiveWithIndexes(TableDescription.builder()
                .tableStatus(TableStatus.UPDATING).build())).isFalse();
        assertThat(TableReadiness.isActiveWithIndexes(TableDescription.builder()
                .tableStatus(TableStatus.ACTIVE).build())).isTrue();
        assertThat(TableReadiness.isActiveWithIndexes(creatingIndex.toBuilder()
                .globalSecondaryIndexes(GlobalSecondaryIndexDescription.builder().indexName("a")
                        .indexStatus(IndexStatus.ACTIVE).build())
                .build())).isTrue();
    }

    @Test
    void waitingForAMissingTableTimesOut() {
        assertThatThrownBy(() -> documents.awaitActive("NeverCreated", Duration.ofMillis(600)))
                .hasMessage("Table NeverCreated was not ACTIVE with all its global secondary indexes within PT0.6S "
                        + "(last seen: missing)");
    }
}
