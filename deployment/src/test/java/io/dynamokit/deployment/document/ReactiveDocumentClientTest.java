package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.BatchGet;
import io.dynamokit.document.BatchWrite;
import io.dynamokit.document.GetOptions;
import io.dynamokit.document.ItemNotFoundException;
import io.dynamokit.document.Page;
import io.dynamokit.document.Query;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.document.Scan;
import io.dynamokit.document.TransactGet;
import io.dynamokit.document.TransactWrite;
import io.dynamokit.document.WriteOptions;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * The reactive document client against the embedded DynamoDB: items, pages, streams, batches, transactions and
 * tables with Mutiny.
 */
public class ReactiveDocumentClientTest {

    static final String TABLE = "Reactive";
    static final int ITEMS = 60;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest();

    @Inject
    ReactiveDocumentClient reactive;

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(60));
    }

    static CreateTableRequest forumTable(String name) {
        return CreateTableRequest.builder().tableName(name)
                .keySchema(KeySchemaElement.builder().attributeName("forum").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("n").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("forum").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("n").attributeType(ScalarAttributeType.N).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build();
    }

    /** Items n = 0 to 59 in forum "f", each with its parity, written by one batch call. */
    void tableWithSixtyItems() {
        try {
            await(reactive.createTable(forumTable(TABLE)));
        } catch (ResourceInUseException exists) {
            return;
        }
        await(reactive.awaitActive(TABLE, Duration.ofSeconds(30)));
        BatchWrite.Builder batch = BatchWrite.builder();
        for (int i = 0; i < ITEMS; i++) {
            batch.put(TABLE, Map.of("forum", "f", "n", i, "parity", i % 2 == 0 ? "even" : "odd"));
        }
        await(reactive.batchWriteItem(batch.build()));
    }

    @Test
    void itemCallsWithMutiny() {
        tableWithSixtyItems();
        Map<String, Object> key = Map.of("forum", "items", "n", 0);
        assertThat(await(reactive.putItem(TABLE, Map.of("forum", "items", "n", 0, "text", "zero"),
                WriteOptions.returning(ReturnValue.ALL_OLD)))).isEmpty();
        assertThat(await(reactive.getItemOrThrow(TABLE, key, GetOptions.consistent()))).containsEntry("text", "zero");
        assertThat(await(reactive.updateItem(TABLE, key, "SET #t = :one", WriteOptions.when("#t = :zero")
                .name("#t", "text").value(":one", "one").value(":zero", "zero").returnValues(ReturnValue.UPDATED_NEW))))
                .contains(Map.of("text", "one"));
        assertThat(await(reactive.deleteItem(TABLE, key, WriteOptions.returning(ReturnValue.ALL_OLD))))
                .contains(Map.of("forum", "items", "n", 0L, "text", "one"));
        assertThat(await(reactive.getItem(TABLE, key, GetOptions.consistent()))).isEmpty();
        assertThatThrownBy(() -> await(reactive.getItemOrThrow(TABLE, Map.of("forum", "items", "n", 999))))
                .isInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void anItemWhoseProjectionMatchesNoAttributeIsStillFound() {
        tableWithSixtyItems();
        GetOptions onlyMissing = GetOptions.consistent().projection("#m").name("#m", "missing");

        assertThat(await(reactive.getItem(TABLE, Map.of("forum", "f", "n", 3), onlyMissing))).contains(Map.of());
        assertThat(await(reactive.getItemOrThrow(TABLE, Map.of("forum", "f", "n", 3), onlyMissing))).isEmpty();
        assertThat(await(reactive.getItem(TABLE, Map.of("forum", "f", "n", 999), onlyMissing))).isEmpty();
        assertThat(await(reactive.transactGetItems(List.of(
                TransactGet.of(TABLE, Map.of("forum", "f", "n", 3)).projection("#m", Map.of("#m", "missing")),
                TransactGet.of(TABLE, Map.of("forum", "f", "n", 999)).projection("#m", Map.of("#m", "missing"))))))
                .containsExactly(Optional.of(Map.of()), Optional.empty());
    }

    @Test
    void queryAsAStreamPageByPageAndCounted() {
        tableWithSixtyItems();
        Query query = Query.on(TABLE).keyCondition("forum = :f").value(":f", "f").limit(7);

        List<Map<String, Object>> all = await(reactive.query(query).collect().asList());
        assertThat(all).extracting(i -> i.get("n")).containsExactlyElementsOf(numbers(0, ITEMS));
        assertThat(await(reactive.count(query))).isEqualTo(ITEMS);

        List<Object> descending = new ArrayList<>();
        Query backwards = query.descending().filter("parity = :even").value(":even", "even").projection("n");
        Optional<Map<String, Object>> start = Optional.empty();
        int pages = 0;
        do {
            Page page = await(reactive.queryPage(start.map(backwards::startKey).orElse(backwards)));
            assertThat(page.scannedCount()).isLessThanOrEqualTo(7);
            page.items().forEach(item -> {
                assertThat(item).containsOnlyKeys("n");
                descending.add(item.get("n"));
            });
            start = page.lastEvaluatedKey();
            pages++;
        } while (start.isPresent());
        List<Object> evenDescending = new ArrayList<>();
        for (long n = ITEMS - 2; n >= 0; n -= 2) {
            evenDescending.add(n);
        }
        assertThat(descending).containsExactlyElementsOf(evenDescending);
        assertThat(pages).isBetween(ITEMS / 7 + 1, ITEMS / 7 + 2);

        Page counted = await(reactive.queryPage(Query.on(TABLE).keyCondition("forum = :f").value(":f", "f")
                .select(Select.COUNT)));
        assertThat(counted.items()).isEmpty();
        assertThat(counted.count()).isEqualTo(ITEMS);
    }

    @Test
    void scanAsAStreamPageByPageAndBySegment() {
        tableWithSixtyItems();
        Scan scan = Scan.on(TABLE).filter("forum = :f").value(":f", "f").limit(8);

        List<Object> streamed = await(reactive.scan(scan).map(item -> item.get("n")).collect().asList());
        assertThat(streamed).hasSize(ITEMS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(numbers(0, ITEMS));

        List<Object> paged = new ArrayList<>();
        Optional<Map<String, Object>> start = Optional.empty();
        do {
            Page page = await(reactive.scanPage(start.map(scan::startKey).orElse(scan)));
            assertThat(page.scannedCount()).isLessThanOrEqualTo(8);
            page.items().forEach(item -> paged.add(item.get("n")));
            start = page.lastEvaluatedKey();
        } while (start.isPresent());
        assertThat(paged).hasSize(ITEMS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(numbers(0, ITEMS));

        List<Object> fromSegments = new ArrayList<>();
        for (int segment = 0; segment < 3; segment++) {
            fromSegments.addAll(await(reactive.scan(scan.segment(segment, 3)).map(item -> item.get("n"))
                    .collect().asList()));
        }
        assertThat(fromSegments).hasSize(ITEMS).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(numbers(0, ITEMS));

        Page counted = await(reactive.scanPage(Scan.on(TABLE).filter("parity = :odd").value(":odd", "odd")
                .select(Select.COUNT)));
        assertThat(counted.items()).isEmpty();
        assertThat(counted.count()).isEqualTo(ITEMS / 2);
    }

    @Test
    void batchGetReadsEveryKey() {
        tableWithSixtyItems();
        BatchGet.Builder keys = BatchGet.builder().consistentRead(TABLE);
        for (int i = 0; i < ITEMS; i++) {
            keys.key(TABLE, Map.of("forum", "f", "n", i));
        }
        keys.key(TABLE, Map.of("forum", "f", "n", 999));

        Map<String, List<Map<String, Object>>> found = await(reactive.batchGetItem(keys.build()));

        assertThat(found.get(TABLE)).extracting(i -> i.get("n")).hasSize(ITEMS)
                .containsExactlyInAnyOrderElementsOf(numbers(0, ITEMS));
    }

    @Test
    void transactionsWriteAllOrNothing() {
        tableWithSixtyItems();
        await(reactive.transactWriteItems(List.of(
                TransactWrite.put(TABLE, Map.of("forum", "tx", "n", 1, "v", 1)),
                TransactWrite.put(TABLE, Map.of("forum", "tx", "n", 2, "v", 2)))));
        assertThat(await(reactive.transactGetItems(List.of(TransactGet.of(TABLE, Map.of("forum", "tx", "n", 1)),
                TransactGet.of(TABLE, Map.of("forum", "tx", "n", 3)), TransactGet.of(TABLE, Map.of("forum", "tx", "n", 2))))))
                .containsExactly(Optional.of(Map.of("forum", "tx", "n", 1L, "v", 1L)), Optional.empty(),
                        Optional.of(Map.of("forum", "tx", "n", 2L, "v", 2L)));

        assertThatThrownBy(() -> await(reactive.transactWriteItems(List.of(
                TransactWrite.update(TABLE, Map.of("forum", "tx", "n", 1), "SET v = :ten").value(":ten", 10),
                TransactWrite.conditionCheck(TABLE, Map.of("forum", "tx", "n", 2), "v = :five").value(":five", 5)))))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(await(reactive.getItemOrThrow(TABLE, Map.of("forum", "tx", "n", 1), GetOptions.consistent())))
                .containsEntry("v", 1L);
    }

    @Test
    void tableLifecycle() {
        String name = "ReactiveTables";
        TableDescription created = await(reactive.createTable(forumTable(name)));
        assertThat(created.tableName()).isEqualTo(name);
        assertThat(await(reactive.awaitActive(name, Duration.ofSeconds(30))).tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(await(reactive.listTables())).contains(name);
        assertThatThrownBy(() -> await(reactive.createTable(forumTable(name)))).isInstanceOf(ResourceInUseException.class);

        await(reactive.updateTable(UpdateTableRequest.builder().tableName(name).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(7L).writeCapacityUnits(3L).build())
                .build()));
        await(reactive.awaitActive(name, Duration.ofSeconds(30)));
        TableDescription updated = await(reactive.describeTable(name));
        assertThat(updated.provisionedThroughput().readCapacityUnits()).isEqualTo(7L);
        assertThat(updated.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);

        assertThat(await(reactive.deleteTable(name)).tableName()).isEqualTo(name);
        await(reactive.awaitDeleted(name, Duration.ofSeconds(30)));
        assertThat(await(reactive.listTables())).doesNotContain(name);
        assertThatThrownBy(() -> await(reactive.describeTable(name))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> await(reactive.deleteTable(name))).isInstanceOf(ResourceNotFoundException.class);
    }

    static List<Object> numbers(int from, int to) {
        List<Object> numbers = new ArrayList<>();
        for (long n = from; n < to; n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
