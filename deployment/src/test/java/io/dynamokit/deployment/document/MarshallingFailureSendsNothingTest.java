package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.BatchGet;
import io.dynamokit.document.BatchWrite;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.Query;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.document.TransactWrite;
import io.dynamokit.document.WriteOptions;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.LoopbackPorts;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * A value that cannot be marshalled fails the call with an error naming its attribute path, and no request reaches
 * DynamoDB, not even the parts of a batch before the bad value: the proxy in front of DynamoDB counts them.
 */
public class MarshallingFailureSendsNothingTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(MarshallingFailureSendsNothingTest.class.getName());
    static final String TABLE = "Unsent";

    @RegisterExtension
    static final QuarkusUnitTest APP = DocumentFixtures.appBehindProxy(PROXY_PORT);

    @Inject
    DocumentClient documents;

    @Inject
    ReactiveDocumentClient reactive;

    /** One call with a bad value, blocking and reactive, and the start of the message it must fail with. */
    record BadCall(String name, Runnable blocking, Supplier<Uni<?>> reactive, String message) {
    }

    List<BadCall> badCalls() {
        Map<String, Object> key = Map.of("id", "a");
        BatchWrite.Builder writes = BatchWrite.builder();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> item = new HashMap<>(Map.of("id", "w-" + i));
            if (i == 40) {
                item.put("tags", Set.of());
            }
            writes.put(TABLE, item);
        }
        BatchWrite badWrites = writes.build();
        BatchGet.Builder keys = BatchGet.builder();
        for (int i = 0; i < 150; i++) {
            keys.key(TABLE, Map.of("id", i == 120 ? new StringBuilder("r-120") : "r-" + i));
        }
        BatchGet badKeys = keys.build();
        Query badQuery = Query.on(TABLE).keyCondition("id = :id").value(":id", Double.POSITIVE_INFINITY);
        List<TransactWrite> badTransaction = List.of(
                TransactWrite.put(TABLE, Map.of("id", "t-1")),
                TransactWrite.put(TABLE, Map.of("id", "t-2", "order",
                        Map.of("lines", List.of(Map.of("price", 1.5), Map.of("price", Double.NaN))))));
        Map<String, Object> badItem = Map.of("id", "p", "scores", List.of(1.0, Float.NaN));
        WriteOptions badValue = WriteOptions.defaults().value(":v", new Object());
        return List.of(
                new BadCall("putItem", () -> documents.putItem(TABLE, badItem),
                        () -> reactive.putItem(TABLE, badItem), "scores[1]: NaN"),
                new BadCall("updateItem", () -> documents.updateItem(TABLE, key, "SET v = :v", badValue),
                        () -> reactive.updateItem(TABLE, key, "SET v = :v", badValue),
                        ":v: unsupported type java.lang.Object"),
                new BadCall("query", () -> documents.query(badQuery).toList(), () -> reactive.query(badQuery).collect().asList(),
                        ":id: Infinity"),
                new BadCall("queryPage", () -> documents.queryPage(badQuery), () -> reactive.queryPage(badQuery),
                        ":id: Infinity"),
                new BadCall("batchWriteItem", () -> documents.batchWriteItem(badWrites),
                        () -> reactive.batchWriteItem(badWrites), "tags: empty sets cannot be stored"),
                new BadCall("batchGetItem", () -> documents.batchGetItem(badKeys), () -> reactive.batchGetItem(badKeys),
                        "id: unsupported type java.lang.StringBuilder"),
                new BadCall("transactWriteItems", () -> documents.transactWriteItems(badTransaction),
                        () -> reactive.transactWriteItems(badTransaction), "order.lines[1].price: NaN"));
    }

    @Test
    void noRequestIsSentForAnyCallWithABadValue() {
        try (FaultProxy proxy = DocumentFixtures.startProxy(PROXY_PORT)) {
            documents.createTable(DocumentFixtures.keyedBy(TABLE, "id"));
            documents.awaitActive(TABLE, Duration.ofSeconds(30));

            for (BadCall call : badCalls()) {
                proxy.clearRequests();
                assertThatThrownBy(call.blocking()::run).as(call.name())
                        .isExactlyInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith(call.message());
                assertThat(proxy.requests()).as("requests sent by the blocking " + call.name()).isEmpty();

                Uni<?> uni = call.reactive().get();
                assertThat(proxy.requests()).as("requests sent before subscribing to " + call.name()).isEmpty();
                assertThatThrownBy(() -> uni.await().atMost(Duration.ofSeconds(30))).as(call.name())
                        .isExactlyInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith(call.message());
                assertThat(proxy.requests()).as("requests sent by the reactive " + call.name()).isEmpty();
            }

            // the proxy does count what gets through: a good call is one request
            documents.putItem(TABLE, Map.of("id", "good"));
            assertThat(proxy.requests()).extracting(r -> r.operation()).containsExactly("PutItem");
        }
    }
}
