package io.dynamokit.engine.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.storage.Change;
import io.dynamokit.engine.storage.KeySchema;
import io.dynamokit.engine.storage.TableMetadata;
import io.dynamokit.engine.storage.Throughput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Retention, trimming and iterator expiry, on a store fed changes directly under a clock the test moves. */
class StreamStoreTest {
    private static final String ARN = "arn:aws:dynamodb:eu-west-1:000000000000:table/t/stream/2024-05-01T10:00:00.000";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-05-01T10:00:00Z"));
    private final StreamStore store = new StreamStore(now::get);
    private final ShardIterators iterators = new ShardIterators(store);

    @Test
    void recordsOlderThan24HoursAreTrimmedAndIteratorsBeforeThemRefused() {
        store.committing(List.of(new Change.TableCreated(table(true))));
        String shard = store.find(ARN).shardId();
        store.committing(List.of(put("a", null)));
        String horizon = iterators.iterator(ARN, shard, "TRIM_HORIZON", null);
        now.set(now.get().plus(Duration.ofHours(12)));
        store.committing(List.of(put("b", null)));

        assertThat(iterators.read(iterators.iterator(ARN, shard, "TRIM_HORIZON", null), 1000).records())
                .extracting(r -> ((AttributeValue.S) r.keys().get("pk")).value()).containsExactly("a", "b");

        now.set(now.get().plus(Duration.ofHours(12)).plusSeconds(1));
        assertThat(iterators.read(iterators.iterator(ARN, shard, "TRIM_HORIZON", null), 1000).records())
                .extracting(r -> ((AttributeValue.S) r.keys().get("pk")).value()).containsExactly("b");
        assertThatThrownBy(() -> iterators.read(horizon, 1000)).isInstanceOfSatisfying(DynamoException.class, e -> {
            assertThat(e.shortType()).isEqualTo("ExpiredIteratorException");
        });
        String first = SequenceNumbers.format(store.find(ARN).startingSequence());
        assertThatThrownBy(() -> iterators.iterator(ARN, shard, "AT_SEQUENCE_NUMBER", first))
                .isInstanceOfSatisfying(DynamoException.class, e -> {
                    assertThat(e.shortType()).isEqualTo("TrimmedDataAccessException");
                    assertThat(e.getMessage()).isEqualTo("The data you are trying to access has been trimmed");
                });
    }

    @Test
    void anIteratorTrimmedPastBeforeItIsUsedIsRefused() {
        store.committing(List.of(new Change.TableCreated(table(true))));
        String shard = store.find(ARN).shardId();
        store.committing(List.of(put("a", null)));
        now.set(now.get().plus(Duration.ofHours(24)).minusSeconds(1));
        String horizon = iterators.iterator(ARN, shard, "TRIM_HORIZON", null);
        now.set(now.get().plusSeconds(2));
        assertThatThrownBy(() -> iterators.read(horizon, 1000)).isInstanceOfSatisfying(DynamoException.class,
                e -> assertThat(e.shortType()).isEqualTo("TrimmedDataAccessException"));
    }

    @Test
    void iteratorsExpireAfter15Minutes() {
        store.committing(List.of(new Change.TableCreated(table(true))));
        String iterator = iterators.iterator(ARN, store.find(ARN).shardId(), "LATEST", null);
        now.set(now.get().plus(Duration.ofMinutes(15)));
        assertThat(iterators.read(iterator, 10).records()).isEmpty();
        now.set(now.get().plusMillis(1));
        assertThatThrownBy(() -> iterators.read(iterator, 10)).isInstanceOfSatisfying(DynamoException.class, e -> {
            assertThat(e.shortType()).isEqualTo("ExpiredIteratorException");
            assertThat(e.getMessage()).isEqualTo("Iterator expired. The iterator was created at time Wed May 01 "
                    + "10:00:00 UTC 2024 while right now it is Wed May 01 10:15:00 UTC 2024 which is further in the "
                    + "future than the tolerated delay of 900000 milliseconds.");
        });
    }

    @Test
    void aDisabledStreamStaysDescribableFor24Hours() {
        store.committing(List.of(new Change.TableCreated(table(true))));
        store.committing(List.of(put("a", null), new Change.TableDeleted("t")));
        TableStream stream = store.find(ARN);
        assertThat(stream.enabled()).isFalse();
        assertThat(stream.endingSequenceNumber()).isEqualTo(stream.records().get(0).sequenceNumber());
        store.committing(List.of(new Change.TableCreated(table(false)), put("b", null)));
        assertThat(store.find(ARN).records()).hasSize(1);
        now.set(now.get().plus(Duration.ofHours(24)));
        assertThat(store.list("t")).hasSize(1);
        now.set(now.get().plusMillis(1));
        assertThat(store.find(ARN)).isNull();
        assertThat(store.list(null)).isEmpty();
    }

    @Test
    void anUnchangedItemAndTheDeletionOfNothingRecordNothing() {
        store.committing(List.of(new Change.TableCreated(table(true))));
        Map<String, AttributeValue> a = Map.of("pk", AttributeValue.s("a"), "v", AttributeValue.n("1"));
        store.committing(List.of(new Change.ItemPut("t", a, Map.of("pk", AttributeValue.s("a"),
                "v", AttributeValue.n("1")))));
        store.committing(List.of(new Change.ItemDeleted("t", Map.of("pk", AttributeValue.s("z")), null, false)));
        assertThat(store.find(ARN).records()).isEmpty();
    }

    private static Change put(String key, Map<String, AttributeValue> previous) {
        return new Change.ItemPut("t", Map.of("pk", AttributeValue.s(key)), previous);
    }

    private TableMetadata table(boolean stream) {
        return new TableMetadata("t", "id", "arn:aws:dynamodb:eu-west-1:000000000000:table/t",
                new KeySchema("pk", "S", null, null), Map.of("pk", "S"), List.of(), List.of(), "PAY_PER_REQUEST",
                Throughput.ON_DEMAND, stream ? new TableMetadata.StreamSpec(true, "NEW_IMAGE", "2024-05-01T10:00:00.000",
                        ARN) : null, null, "STANDARD", false, Map.of(), now.get(), null, null);
    }
}
