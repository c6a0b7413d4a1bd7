package io.dynamokit.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageTest {
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private static final KeySchema KEYS = new KeySchema("pk", "S", "sk", "N");
    private static final IndexDefinition BY_G = new IndexDefinition("byG", true, new KeySchema("g", "S", null, null),
            new Projection("KEYS_ONLY", null), Throughput.ON_DEMAND, null);

    private TableMetadata metadata(Storage storage) {
        return new TableMetadata("t", "id", "arn", KEYS, Map.of("pk", "S", "sk", "N", "g", "S"), List.of(),
                List.of(BY_G), "PAY_PER_REQUEST", Throughput.ON_DEMAND, null, null, null, false, Map.of(), now, now,
                storage.transition("CREATING"));
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String g) {
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
        item.put("pk", AttributeValue.s(pk));
        item.put("sk", AttributeValue.n(sk));
        if (g != null) {
            item.put("g", AttributeValue.s(g));
        }
        return item;
    }

    @Test
    void statusesFollowTheClock() {
        Storage storage = new Storage(Duration.ofSeconds(1), clock);
        storage.write(m -> {
            m.createTable(metadata(storage));
            return null;
        });
        assertThat(storage.table("t").metadata().status(storage.now())).isEqualTo("CREATING");
        assertThatThrownBy(() -> storage.itemTable("t")).isInstanceOf(DynamoException.class)
                .hasMessage("Requested resource not found");
        now = now.plusSeconds(1);
        assertThat(storage.itemTable("t").metadata().status(storage.now())).isEqualTo("ACTIVE");
        storage.write(m -> {
            m.deleteTable("t");
            return null;
        });
        assertThat(storage.table("t").metadata().status(storage.now())).isEqualTo("DELETING");
        assertThat(storage.tableNames()).containsExactly("t");
        now = now.plusSeconds(1);
        assertThat(storage.find("t")).isNull();
        assertThat(storage.tableNames()).isEmpty();
    }

    @Test
    void partitionsSortAndIndexesAreMaintainedAndSparse() {
        Storage storage = new Storage(Duration.ZERO, clock);
        List<List<Change>> journal = new ArrayList<>();
        storage.addCommitListener(journal::add);
        storage.write(m -> {
            m.createTable(metadata(storage));
            return null;
        });
        Table table = storage.itemTable("t");
        storage.write(m -> {
            m.put(table, item("a", "10", "x"));
            m.put(table, item("a", "9", null));
            m.put(table, item("a", "-1", "y"));
            m.put(table, item("b", "1", "x"));
            return null;
        });
        assertThat(table.partition(AttributeValue.s("a")).values()).extracting(i -> i.get("sk"))
                .containsExactly(AttributeValue.n("-1"), AttributeValue.n("9"), AttributeValue.n("10"));
        Index index = table.index("byG");
        assertThat(index.itemCount()).isEqualTo(3);
        assertThat(index.entries().subMap(IndexKey.partitionStart(AttributeValue.s("x")), true,
                IndexKey.partitionEnd(AttributeValue.s("x")), true)).hasSize(2);
        assertThat(index.entries().firstEntry().getValue()).containsOnlyKeys("pk", "sk", "g");

        storage.write(m -> {
            m.put(table, item("a", "10", null));
            m.delete(table, item("b", "1", null));
            return null;
        });
        assertThat(index.itemCount()).isEqualTo(1);
        assertThat(table.itemCount()).isEqualTo(3);
        assertThat(journal).hasSize(3);
        assertThat(journal.get(2)).hasSize(2).element(1).isInstanceOf(Change.ItemDeleted.class);
    }

    @Test
    void aFailingWriterOrListenerAppliesNothing() {
        Storage storage = new Storage(Duration.ZERO, clock);
        storage.write(m -> {
            m.createTable(metadata(storage));
            return null;
        });
        Table table = storage.itemTable("t");
        assertThatThrownBy(() -> storage.write(m -> {
            m.put(table, item("a", "1", null));
            throw DynamoException.conditionalCheckFailed(null);
        })).isInstanceOf(DynamoException.class);
        storage.addCommitListener(changes -> {
            throw new IllegalStateException("disk full");
        });
        assertThatThrownBy(() -> storage.write(m -> {
            m.put(table, item("a", "2", null));
            return null;
        })).hasMessage("disk full");
        assertThat(table.itemCount()).isZero();
    }

    @Test
    void segmentsSplitTheTokenRange() {
        Storage storage = new Storage(Duration.ZERO, clock);
        storage.write(m -> {
            m.createTable(metadata(storage));
            return null;
        });
        Table table = storage.itemTable("t");
        storage.write(m -> {
            for (int i = 0; i < 100; i++) {
                m.put(table, item("p" + i, "1", null));
            }
            return null;
        });
        int total = 0;
        for (int segment = 0; segment < 4; segment++) {
            total += table.segment(segment, 4).size();
        }
        assertThat(total).isEqualTo(100);
        assertThat(table.segment(0, 1)).hasSize(100);
    }
}
