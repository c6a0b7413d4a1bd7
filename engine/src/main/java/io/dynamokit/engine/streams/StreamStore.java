package io.dynamokit.engine.streams;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.ItemSize;
import io.dynamokit.engine.storage.Change;
import io.dynamokit.engine.storage.CommitListener;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import io.dynamokit.engine.storage.TableMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The streams of every table: a {@link CommitListener} that turns each committed item change of a table with an
 * enabled stream into a {@link StreamRecord}, in commit order (the storage calls it under its write lock), and that
 * opens and closes streams as table metadata changes. A stream has one shard. Records are kept for 24 hours; a
 * disabled stream (its specification switched off, or its table deleted) stays readable for 24 hours more.
 * <p>
 * The records live in memory only: after a restart from a data directory, each enabled stream starts empty.
 */
public final class StreamStore implements CommitListener {
    static final Duration RETENTION = Duration.ofHours(24);

    private final Supplier<Instant> clock;
    /** Every stream still describable, by ARN (ARN order is ListStreams' order: table name, then label). */
    private final TreeMap<String, TableStream> streams = new TreeMap<>();
    /** The enabled stream of each table that has one. */
    private final Map<String, TableStream> enabled = new HashMap<>();
    private long lastSequence;

    StreamStore(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /**
     * A store following {@code storage} from now on, with an empty stream for each table whose stream is enabled
     * already (tables recovered from a data directory). Register it after the journal, so that a change the journal
     * refuses never reaches a stream.
     */
    public static StreamStore attach(Storage storage) {
        StreamStore store = new StreamStore(storage::now);
        storage.read(() -> {
            for (String name : storage.tableNames()) {
                Table table = storage.find(name);
                if (table != null) {
                    store.open(table.metadata());
                }
            }
            return null;
        });
        storage.addCommitListener(store);
        return store;
    }

    Instant now() {
        return clock.get();
    }

    @Override
    public synchronized void committing(List<Change> changes) {
        Instant now = clock.get();
        trim(now);
        for (Change change : changes) {
            if (change instanceof Change.TableCreated created) {
                open(created.metadata());
            } else if (change instanceof Change.TableUpdated updated) {
                TableMetadata.StreamSpec spec = updated.metadata().stream();
                TableStream current = enabled.get(updated.table());
                boolean on = spec != null && spec.enabled();
                if (current != null && (!on || !current.arn().equals(spec.arn()))) {
                    close(current, now);
                }
                open(updated.metadata());
            } else if (change instanceof Change.TableDeleted deleted) {
                TableStream current = enabled.get(deleted.table());
                if (current != null) {
                    close(current, now);
                }
            } else if (change instanceof Change.ItemPut put) {
                TableStream stream = enabled.get(put.table());
                // A write that leaves the item as it was is not a change: DynamoDB writes no record for it.
                if (stream != null && !put.item().equals(put.previous())) {
                    record(stream, put.previous() == null ? "INSERT" : "MODIFY", put.item(), put.item(),
                            put.previous(), false, now);
                }
            } else if (change instanceof Change.ItemDeleted deleted) {
                TableStream stream = enabled.get(deleted.table());
                if (stream != null && deleted.previous() != null) {
                    record(stream, "REMOVE", deleted.key(), null, deleted.previous(), deleted.expired(), now);
                }
            }
        }
    }

    /** The streams still describable, of one table or all (null), in ARN order. */
    public synchronized List<TableStream> list(String tableName) {
        trim(clock.get());
        List<TableStream> result = new ArrayList<>();
        for (TableStream stream : streams.values()) {
            if (tableName == null || stream.tableName().equals(tableName)) {
                result.add(stream);
            }
        }
        return result;
    }

    /** The stream with this ARN, or null when there is none (or no more). */
    public synchronized TableStream find(String arn) {
        trim(clock.get());
        return arn == null ? null : streams.get(arn);
    }

    /** The records of {@code stream} from {@code from} on (sequence counter), at most {@code limit}. */
    synchronized List<StreamRecord> records(TableStream stream, long from, int limit) {
        List<StreamRecord> records = stream.records();
        int low = 0;
        int high = records.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (records.get(middle).sequence() < from) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return new ArrayList<>(records.subList(low, Math.min(records.size(), low + limit)));
    }

    /** Whether a closed shard holds nothing from {@code from} on: its iterators end there. */
    synchronized boolean exhausted(TableStream stream, long from) {
        Long ending = stream.endingSequence();
        if (ending == null) {
            return false;
        }
        List<StreamRecord> records = stream.records();
        return records.isEmpty() || records.get(records.size() - 1).sequence() < from;
    }

    /** The counter the next record of any stream will get. */
    synchronized long nextSequence() {
        return lastSequence + 1;
    }

    private void open(TableMetadata metadata) {
        TableMetadata.StreamSpec spec = metadata.stream();
        if (spec == null || !spec.enabled() || streams.containsKey(spec.arn())) {
            return;
        }
        Instant now = clock.get();
        String region = spec.arn().split(":")[3];
        String shardId = String.format("shardId-%020d-%08x", now.toEpochMilli(),
                ThreadLocalRandom.current().nextInt());
        TableStream stream = new TableStream(spec.arn(), spec.label(), region, metadata.name(),
                metadata.keySchema(), spec.viewType(), now, shardId, lastSequence + 1);
        streams.put(stream.arn(), stream);
        enabled.put(metadata.name(), stream);
    }

    private void close(TableStream stream, Instant now) {
        stream.disable(now, lastSequence);
        enabled.remove(stream.tableName(), stream);
    }

    private void record(TableStream stream, String eventName, Map<String, AttributeValue> keySource,
            Map<String, AttributeValue> newItem, Map<String, AttributeValue> oldItem, boolean byService,
            Instant now) {
        Map<String, AttributeValue> keys = stream.keySchema().keyAttributes(keySource);
        String view = stream.viewType();
        Map<String, AttributeValue> newImage = view.equals("NEW_IMAGE") || view.equals("NEW_AND_OLD_IMAGES")
                ? newItem : null;
        Map<String, AttributeValue> oldImage = view.equals("OLD_IMAGE") || view.equals("NEW_AND_OLD_IMAGES")
                ? oldItem : null;
        long size = ItemSize.of(keys) + (newImage == null ? 0 : ItemSize.of(newImage))
                + (oldImage == null ? 0 : ItemSize.of(oldImage));
        String eventId = UUID.randomUUID().toString().replace("-", "");
        stream.add(new StreamRecord(++lastSequence, eventId, eventName, now, keys, newImage, oldImage, size,
                byService));
    }

    private void trim(Instant now) {
        Instant horizon = now.minus(RETENTION);
        streams.values().removeIf(stream -> stream.disabledAt() != null && stream.disabledAt().isBefore(horizon));
        for (TableStream stream : streams.values()) {
            stream.trim(horizon);
        }
    }
}
