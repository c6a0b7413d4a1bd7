package io.dynamokit.engine.streams;

import io.dynamokit.engine.storage.KeySchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One stream of a table, from the moment its specification enabled it until 24 hours after it was disabled (by
 * UpdateTable or by deleting the table). It has one shard: {@code startingSequence} is the first number the shard
 * can hold, {@code endingSequence} is set when the stream is disabled and the shard closes. Guarded by its
 * {@link StreamStore}.
 */
public final class TableStream {
    private final String arn;
    private final String label;
    private final String region;
    private final String tableName;
    private final KeySchema keySchema;
    private final String viewType;
    private final Instant created;
    private final String shardId;
    private final long startingSequence;
    private final List<StreamRecord> records = new ArrayList<>();
    /** The highest sequence number trimmed from the shard (records older than the retention), or below the start. */
    private long trimmedThrough;
    private Long endingSequence;
    private Instant disabledAt;

    TableStream(String arn, String label, String region, String tableName, KeySchema keySchema, String viewType,
            Instant created, String shardId, long startingSequence) {
        this.arn = arn;
        this.label = label;
        this.region = region;
        this.tableName = tableName;
        this.keySchema = keySchema;
        this.viewType = viewType;
        this.created = created;
        this.shardId = shardId;
        this.startingSequence = startingSequence;
        this.trimmedThrough = startingSequence - 1;
    }

    public String arn() {
        return arn;
    }

    public String label() {
        return label;
    }

    public String region() {
        return region;
    }

    public String tableName() {
        return tableName;
    }

    public KeySchema keySchema() {
        return keySchema;
    }

    public String viewType() {
        return viewType;
    }

    public Instant created() {
        return created;
    }

    public String shardId() {
        return shardId;
    }

    public String startingSequenceNumber() {
        return SequenceNumbers.format(startingSequence);
    }

    /** Null while the shard is open. */
    public String endingSequenceNumber() {
        return endingSequence == null ? null : SequenceNumbers.format(endingSequence);
    }

    public boolean enabled() {
        return disabledAt == null;
    }

    Instant disabledAt() {
        return disabledAt;
    }

    long startingSequence() {
        return startingSequence;
    }

    Long endingSequence() {
        return endingSequence;
    }

    long trimmedThrough() {
        return trimmedThrough;
    }

    List<StreamRecord> records() {
        return records;
    }

    void add(StreamRecord record) {
        records.add(record);
    }

    /** Closes the shard: no record is added after {@code lastSequence}. */
    void disable(Instant at, long lastSequence) {
        disabledAt = at;
        endingSequence = Math.max(lastSequence, startingSequence);
    }

    /** Drops the records created before {@code horizon}. */
    void trim(Instant horizon) {
        int count = 0;
        while (count < records.size() && records.get(count).created().isBefore(horizon)) {
            count++;
        }
        if (count > 0) {
            trimmedThrough = records.get(count - 1).sequence();
            records.subList(0, count).clear();
        }
    }
}
