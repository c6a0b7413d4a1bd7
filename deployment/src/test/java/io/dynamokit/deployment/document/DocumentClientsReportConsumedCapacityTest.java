package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.BatchGet;
import io.dynamokit.document.BatchWrite;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.Query;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.document.Scan;
import io.dynamokit.document.TransactGet;
import io.dynamokit.document.TransactWrite;
import io.dynamokit.document.WriteOptions;
import io.dynamokit.instrument.DynamoMeasurement;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code quarkus.dynamokit.document.return-consumed-capacity=indexes}, every item, query, scan, batch and
 * transaction request of the blocking and the reactive document client asks DynamoDB for the capacity it consumed,
 * and what DynamoDB reports reaches the measurements.
 */
public class DocumentClientsReportConsumedCapacityTest {

    static final String TABLE = "Capacity";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(DocumentFixtures.class, Measurements.class, InstrumentedCalls.class))
            .overrideConfigKey("quarkus.dynamokit.document.return-consumed-capacity", "indexes");

    @Inject
    DocumentClient documents;

    @Inject
    ReactiveDocumentClient reactive;

    @Inject
    Measurements measurements;

    @Inject
    InstrumentedCalls instrumented;

    @BeforeEach
    void table() {
        if (!documents.listTables().contains(TABLE)) {
            documents.createTable(DocumentFixtures.keyedByWithIndex(TABLE));
            documents.awaitActive(TABLE, Duration.ofSeconds(30));
        }
        measurements.take();
    }

    @Test
    void blockingCallsCarryTheCapacityDynamoDbReports() {
        instrumented.run(() -> documents.putItem(TABLE, Map.of("pk", "b-1", "gk", "blocking", "n", 1)));
        assertCapacityReported("PutItem");

        instrumented.run(() -> documents.getItem(TABLE, Map.of("pk", "b-1")));
        assertCapacityReported("GetItem");

        instrumented.run(() -> documents.updateItem(TABLE, Map.of("pk", "b-1"), "SET n = n + :one",
                WriteOptions.defaults().value(":one", 1)));
        assertCapacityReported("UpdateItem");

        instrumented.run(() -> documents.queryPage(Query.on(TABLE).keyCondition("pk = :pk").value(":pk", "b-1")));
        assertCapacityReported("Query");

        instrumented.run(() -> documents.scanPage(Scan.on(TABLE)));
        assertCapacityReported("Scan");

        instrumented.run(() -> documents.batchWriteItem(BatchWrite.builder()
                .put(TABLE, Map.of("pk", "b-2", "gk", "blocking"))
                .put(TABLE, Map.of("pk", "b-3", "gk", "blocking")).build()));
        assertCapacityReported("BatchWriteItem");

        instrumented.run(() -> documents.batchGetItem(BatchGet.builder()
                .keys(TABLE, List.of(Map.of("pk", "b-2"), Map.of("pk", "b-3"))).build()));
        assertCapacityReported("BatchGetItem");

        instrumented.run(() -> documents.transactWriteItems(
                List.of(TransactWrite.put(TABLE, Map.of("pk", "b-4", "gk", "blocking")))));
        assertCapacityReported("TransactWriteItems");

        instrumented.run(() -> documents.transactGetItems(List.of(TransactGet.of(TABLE, Map.of("pk", "b-4")))));
        assertCapacityReported("TransactGetItems");

        instrumented.run(() -> documents.deleteItem(TABLE, Map.of("pk", "b-1")));
        assertCapacityReported("DeleteItem");
    }

    @Test
    void everyPageOfAStreamCarriesIt() {
        for (int i = 0; i < 7; i++) {
            documents.putItem(TABLE, Map.of("pk", "s-" + i, "gk", "stream"));
        }
        measurements.take();

        long read = instrumented.call(() -> documents.scan(Scan.on(TABLE).limit(3)).count());

        assertThat(read).isGreaterThanOrEqualTo(7);
        List<DynamoMeasurement> scans = measurements.take().stream()
                .filter(m -> m.operation().equals("Scan")).toList();
        assertThat(scans).as("one measurement per page").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(m -> assertThat(m.consumedCapacity()).as("capacity of %s", m).isPositive());
    }

    @Test
    void reactiveCallsCarryItToo() {
        instrumented.reactive(() -> reactive.putItem(TABLE, Map.of("pk", "r-1", "gk", "reactive")))
                .await().atMost(Duration.ofSeconds(30));
        assertCapacityReported("PutItem");

        instrumented.reactive(() -> reactive.getItem(TABLE, Map.of("pk", "r-1")))
                .await().atMost(Duration.ofSeconds(30));
        assertCapacityReported("GetItem");

        instrumented.reactive(
                () -> reactive.queryPage(Query.on(TABLE).keyCondition("pk = :pk").value(":pk", "r-1")))
                .await().atMost(Duration.ofSeconds(30));
        assertCapacityReported("Query");

        instrumented.reactive(() -> reactive.batchWriteItem(
                BatchWrite.builder().put(TABLE, Map.of("pk", "r-2", "gk", "reactive")).build()))
                .await().atMost(Duration.ofSeconds(30));
        assertCapacityReported("BatchWriteItem");

        instrumented.reactive(() -> reactive.transactWriteItems(
                List.of(TransactWrite.put(TABLE, Map.of("pk", "r-3", "gk", "reactive")))))
                .await().atMost(Duration.ofSeconds(30));
        assertCapacityReported("TransactWriteItems");
    }

    private void assertCapacityReported(String operation) {
        assertThat(measurements.take()).as(operation).singleElement().satisfies(m -> {
            assertThat(m.operation()).isEqualTo(operation);
            assertThat(m.tableNames()).containsExactly(TABLE);
            assertThat(m.consumedCapacity()).as("capacity DynamoDB reported for %s", operation).isPositive();
        });
    }
}
