package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.BatchWrite;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.GetOptions;
import io.dynamokit.document.ItemNotFoundException;
import io.dynamokit.document.Query;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.document.WriteOptions;
import io.quarkiverse.amazon.common.AmazonClient;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The reactive document client against the embedded DynamoDB, and a named document client beside the default one.
 */
public class ReactiveDocumentClientTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest();

    @Inject
    ReactiveDocumentClient reactive;

    @Inject
    @AmazonClient("archive")
    DocumentClient archive;

    @Test
    void itemsPagesAndBatchesWithMutiny() {
        reactive.createTable(CreateTableRequest.builder().tableName("Reactive")
                .keySchema(KeySchemaElement.builder().attributeName("forum").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("n").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("forum").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("n").attributeType(ScalarAttributeType.N).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build()).await().atMost(Duration.ofSeconds(30));
        reactive.awaitActive("Reactive", Duration.ofSeconds(30)).await().atMost(Duration.ofSeconds(40));

        assertThat(reactive.putItem("Reactive", Map.of("forum", "f", "n", 0, "text", "zero"),
                WriteOptions.returning(ReturnValue.ALL_OLD)).await().indefinitely()).isEmpty();
        assertThat(reactive.getItemOrThrow("Reactive", Map.of("forum", "f", "n", 0), GetOptions.consistent())
                .await().indefinitely()).containsEntry("text", "zero");
        assertThatThrownBy(() -> reactive.getItemOrThrow("Reactive", Map.of("forum", "f", "n", 999))
                .await().indefinitely()).isInstanceOf(ItemNotFoundException.class);

        BatchWrite.Builder batch = BatchWrite.builder();
        for (int i = 1; i < 60; i++) {
            batch.put("Reactive", Map.of("forum", "f", "n", i));
        }
        reactive.batchWriteItem(batch.build()).await().atMost(Duration.ofSeconds(60));

        List<Map<String, Object>> all = reactive.query(Query.on("Reactive").keyCondition("forum = :f")
                .value(":f", "f").limit(7)).collect().asList().await().atMost(Duration.ofSeconds(60));
        assertThat(all).extracting(i -> i.get("n")).hasSize(60).isSortedAccordingTo((a, b) -> Long.compare((Long) a, (Long) b));
        assertThat(reactive.count(Query.on("Reactive").keyCondition("forum = :f").value(":f", "f").limit(7))
                .await().indefinitely()).isEqualTo(60L);

        assertThat(archive.getItem("Reactive", Map.of("forum", "f", "n", 0), GetOptions.consistent())).isPresent();
    }

    @Test
    void unmarshallableValueFailsTheUniAndSendsNothing() {
        assertThatThrownBy(() -> reactive.putItem("Reactive", Map.of("forum", "f", "n", 1, "when", new Object()))
                .await().indefinitely())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("when: ");
    }
}
