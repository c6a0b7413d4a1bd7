package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.GetOptions;
import io.dynamokit.document.ItemNotFoundException;
import io.dynamokit.document.TransactGet;
import io.dynamokit.document.TransactWrite;
import io.dynamokit.document.WriteOptions;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The item calls of the document client against the embedded DynamoDB, with plain Java values in and out.
 */
public class DocumentClientItemLifecycleTest {

    static final String TABLE = "Lifecycle";

    @RegisterExtension
    static final QuarkusUnitTest APP = DocumentFixtures.app();

    @Inject
    DocumentClient documents;

    @BeforeEach
    void table() {
        try {
            documents.createTable(DocumentFixtures.keyedBy(TABLE, "id"));
            documents.awaitActive(TABLE, Duration.ofSeconds(30));
        } catch (ResourceInUseException exists) {
            // created by an earlier test of this class
        }
    }

    @Test
    void putUpdateDeleteGetAsTheSeedDoes() {
        Map<String, Object> first = Map.of("id", "lifecycle", "name", "Rex", "legs", 4, "tags", Set.of("dog"));
        assertThat(documents.putItem(TABLE, first, WriteOptions.returning(ReturnValue.ALL_OLD))).isEmpty();

        Map<String, Object> second = Map.of("id", "lifecycle", "name", "Rex", "legs", 3);
        assertThat(documents.putItem(TABLE, second, WriteOptions.returning(ReturnValue.ALL_OLD)))
                .hasValueSatisfying(old -> assertThat(old)
                        .containsEntry("legs", 4L)
                        .containsEntry("tags", Set.of("dog")));

        assertThat(documents.updateItem(TABLE, Map.of("id", "lifecycle"), "SET legs = legs + :one",
                WriteOptions.when("legs = :three").value(":one", 1).value(":three", 3)
                        .returnValues(ReturnValue.UPDATED_NEW)))
                .contains(Map.of("legs", 4L));
        assertThatThrownBy(() -> documents.updateItem(TABLE, Map.of("id", "lifecycle"), "SET legs = :zero",
                WriteOptions.when("legs = :three").value(":zero", 0).value(":three", 3)))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(documents.getItem(TABLE, Map.of("id", "lifecycle"), GetOptions.consistent()))
                .hasValueSatisfying(item -> assertThat(item).containsEntry("legs", 4L));

        assertThat(documents.deleteItem(TABLE, Map.of("id", "lifecycle"), WriteOptions.returning(ReturnValue.ALL_OLD)))
                .hasValueSatisfying(deleted -> assertThat(deleted)
                        .containsEntry("id", "lifecycle").containsEntry("name", "Rex").containsEntry("legs", 4L));
        assertThat(documents.getItem(TABLE, Map.of("id", "lifecycle"), GetOptions.consistent())).isEmpty();
        assertThatThrownBy(() -> documents.getItemOrThrow(TABLE, Map.of("id", "lifecycle")))
                .isInstanceOfSatisfying(ItemNotFoundException.class, e -> {
                    assertThat(e.tableName()).isEqualTo(TABLE);
                    assertThat(e.key()).isEqualTo(Map.of("id", "lifecycle"));
                });
    }

    @Test
    void valuesComeBackAsPlainJava() {
        Map<String, Object> item = Map.of("id", "values", "price", new BigDecimal("12.50"), "count", 7,
                "nested", Map.of("list", List.of("a", 1, true)), "flag", false);
        documents.putItem(TABLE, item);

        Map<String, Object> read = documents.getItemOrThrow(TABLE, Map.of("id", "values"), GetOptions.consistent());
        assertThat(read.get("price")).isInstanceOfSatisfying(BigDecimal.class,
                p -> assertThat(p).isEqualByComparingTo("12.5"));
        assertThat(read).containsEntry("count", 7L).containsEntry("flag", false)
                .containsEntry("nested", Map.of("list", List.of("a", 1L, true)));

        assertThat(documents.getItem(TABLE, Map.of("id", "values"),
                GetOptions.consistent().projection("#c").name("#c", "count")))
                .contains(Map.of("count", 7L));
    }

    @Test
    void badValueIsRejectedBeforeAnythingIsWritten() {
        Map<String, Object> item = Map.of("id", "bad", "scores", List.of(1.0, Double.NaN));

        assertThatThrownBy(() -> documents.putItem(TABLE, item))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scores[1]")
                .hasMessageContaining("NaN");
        assertThat(documents.getItem(TABLE, Map.of("id", "bad"), GetOptions.consistent())).isEmpty();
    }

    @Test
    void anItemWhoseProjectionMatchesNoAttributeIsStillFound() {
        documents.putItem(TABLE, Map.of("id", "bare", "name", "Rex"));
        GetOptions onlyMissing = GetOptions.consistent().projection("#m").name("#m", "missing");

        // what DynamoDB answers: an empty Item for the item that exists, no Item for the one that does not
        GetItemResponse existing = documents.sdkClient().getItem(b -> b.tableName(TABLE).consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS("bare")))
                .projectionExpression("#m").expressionAttributeNames(Map.of("#m", "missing")));
        assertThat(existing.hasItem()).isTrue();
        assertThat(existing.item()).isEmpty();
        GetItemResponse absent = documents.sdkClient().getItem(b -> b.tableName(TABLE).consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS("no-such-item")))
                .projectionExpression("#m").expressionAttributeNames(Map.of("#m", "missing")));
        assertThat(absent.hasItem()).isFalse();

        assertThat(documents.getItem(TABLE, Map.of("id", "bare"), onlyMissing)).contains(Map.of());
        assertThat(documents.getItemOrThrow(TABLE, Map.of("id", "bare"), onlyMissing)).isEmpty();
        assertThat(documents.getItem(TABLE, Map.of("id", "no-such-item"), onlyMissing)).isEmpty();
        assertThatThrownBy(() -> documents.getItemOrThrow(TABLE, Map.of("id", "no-such-item"), onlyMissing))
                .isInstanceOf(ItemNotFoundException.class);
        assertThat(documents.transactGetItems(List.of(
                TransactGet.of(TABLE, Map.of("id", "bare")).projection("#m", Map.of("#m", "missing")),
                TransactGet.of(TABLE, Map.of("id", "no-such-item")).projection("#m", Map.of("#m", "missing")))))
                .containsExactly(Optional.of(Map.of()), Optional.empty());
    }

    @Test
    void aValueNestedToDynamoDbsLimitIsStoredAndComesBackEqual() {
        Object deepest = "bottom";
        Object expected = "bottom";
        for (int i = 0; i < 31; i++) {
            deepest = i % 2 == 0 ? List.of(deepest, i) : Map.of("k" + i, deepest);
            expected = i % 2 == 0 ? List.of(expected, (long) i) : Map.of("k" + i, expected);
        }
        documents.putItem(TABLE, Map.of("id", "deep", "deep", deepest));

        assertThat(documents.getItemOrThrow(TABLE, Map.of("id", "deep"), GetOptions.consistent()))
                .isEqualTo(Map.of("id", "deep", "deep", expected));
    }

    @Test
    void transactionsWriteAllOrNothing() {
        documents.transactWriteItems(List.of(
                TransactWrite.put(TABLE, Map.of("id", "tx-a", "n", 1)),
                TransactWrite.put(TABLE, Map.of("id", "tx-b", "n", 2))));
        assertThat(documents.transactGetItems(List.of(TransactGet.of(TABLE, Map.of("id", "tx-a")),
                TransactGet.of(TABLE, Map.of("id", "tx-missing")), TransactGet.of(TABLE, Map.of("id", "tx-b")))))
                .satisfiesExactly(
                        a -> assertThat(a).hasValueSatisfying(i -> assertThat(i).containsEntry("n", 1L)),
                        missing -> assertThat(missing).isEmpty(),
                        b -> assertThat(b).hasValueSatisfying(i -> assertThat(i).containsEntry("n", 2L)));

        assertThatThrownBy(() -> documents.transactWriteItems(List.of(
                TransactWrite.update(TABLE, Map.of("id", "tx-a"), "SET n = :ten").value(":ten", 10),
                TransactWrite.conditionCheck(TABLE, Map.of("id", "tx-b"), "n = :five").value(":five", 5))))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(documents.getItemOrThrow(TABLE, Map.of("id", "tx-a"), GetOptions.consistent()))
                .containsEntry("n", 1L);
    }
}
