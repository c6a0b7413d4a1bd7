package io.dynamokit.engine.streams;

import io.dynamokit.engine.model.DynamoException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Shard iterators and the reads they lead: an iterator is {@code <stream ARN>|1|<position>} (the ARN first, as
 * DynamoDB's are), the position holding the shard, the first sequence counter to read and the iterator's creation
 * time, so that nothing is kept per iterator. An iterator expires 15 minutes after it was handed out.
 */
public final class ShardIterators {
    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final String TYPE = "com.amazonaws.dynamodb.v20120810#";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy",
            Locale.US).withZone(ZoneId.of("UTC"));

    private final StreamStore store;

    public ShardIterators(StreamStore store) {
        this.store = store;
    }

    /**
     * One GetRecords answer: the stream read, its records, and the iterator to read on (null once a closed shard is
     * read out).
     */
    public record Page(TableStream stream, List<StreamRecord> records, String nextIterator) {
    }

    /** GetShardIterator, after the request's shape was checked. */
    public String iterator(String arn, String shardId, String type, String sequenceNumber) {
        boolean positioned = type.equals("AT_SEQUENCE_NUMBER") || type.equals("AFTER_SEQUENCE_NUMBER");
        if (positioned != (sequenceNumber != null)) {
            throw DynamoException.validation("Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER "
                    + "and SequenceNumber or (2) TRIM_HORIZON or LATEST and no SequenceNumber. Request specified "
                    + type + (sequenceNumber == null ? " and no SequenceNumber." : " and a SequenceNumber."));
        }
        TableStream stream = existing(arn);
        if (!stream.shardId().equals(shardId)) {
            throw DynamoException.resourceNotFound("Requested resource not found: Shard does not exist");
        }
        synchronized (store) {
            long position;
            if (type.equals("TRIM_HORIZON")) {
                position = stream.trimmedThrough() + 1;
            } else if (type.equals("LATEST")) {
                position = stream.endingSequence() != null ? stream.endingSequence() + 1 : store.nextSequence();
            } else {
                Long sequence = SequenceNumbers.parse(sequenceNumber);
                long last = stream.endingSequence() != null ? stream.endingSequence() : store.nextSequence() - 1;
                if (sequence == null || sequence < stream.startingSequence() || sequence > last) {
                    throw DynamoException.validation("Invalid SequenceNumber for ShardIterator: " + sequenceNumber
                            + " is not a sequence number of shard " + shardId);
                }
                if (sequence <= stream.trimmedThrough()) {
                    throw trimmed();
                }
                position = type.equals("AT_SEQUENCE_NUMBER") ? sequence : sequence + 1;
            }
            return encode(stream, position, store.now());
        }
    }

    /** GetRecords, after the request's shape was checked. */
    public Page read(String iterator, int limit) {
        Position position = decode(iterator);
        Instant now = store.now();
        if (position.created().plus(LIFETIME).isBefore(now)) {
            throw new DynamoException(TYPE + "ExpiredIteratorException", "Iterator expired. The iterator was created "
                    + "at time " + DATE.format(position.created()) + " while right now it is " + DATE.format(now)
                    + " which is further in the future than the tolerated delay of " + LIFETIME.toMillis()
                    + " milliseconds.", 400);
        }
        TableStream stream = existing(position.arn());
        if (!stream.shardId().equals(position.shardId())) {
            throw DynamoException.resourceNotFound("Requested resource not found: Shard does not exist");
        }
        synchronized (store) {
            if (position.from() <= stream.trimmedThrough()) {
                throw trimmed();
            }
            List<StreamRecord> records = store.records(stream, position.from(), limit);
            long next = records.isEmpty() ? position.from() : records.get(records.size() - 1).sequence() + 1;
            String nextIterator = store.exhausted(stream, next) ? null : encode(stream, next, now);
            return new Page(stream, records, nextIterator);
        }
    }

    private TableStream existing(String arn) {
        TableStream stream = store.find(arn);
        if (stream == null) {
            throw DynamoException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
        }
        return stream;
    }

    private static DynamoException trimmed() {
        return new DynamoException(TYPE + "TrimmedDataAccessException",
                "The data you are trying to access has been trimmed", 400);
    }

    private record Position(String arn, String shardId, long from, Instant created) {
    }

    private static String encode(TableStream stream, long from, Instant created) {
        String position = stream.shardId() + "|" + from + "|" + created.toEpochMilli();
        return stream.arn() + "|1|" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String iterator) {
        int end = iterator.lastIndexOf("|1|");
        if (end > 0) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(iterator.substring(end + 3)),
                        StandardCharsets.UTF_8).split("\\|");
                if (parts.length == 3) {
                    return new Position(iterator.substring(0, end), parts[0], Long.parseLong(parts[1]),
                            Instant.ofEpochMilli(Long.parseLong(parts[2])));
                }
            } catch (IllegalArgumentException e) {
                // not one of ours: answered below like any other unknown iterator
            }
        }
        throw DynamoException.validation("Invalid ShardIterator");
    }
}
