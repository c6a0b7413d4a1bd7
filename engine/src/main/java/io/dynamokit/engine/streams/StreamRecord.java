package io.dynamokit.engine.streams;

import io.dynamokit.engine.model.AttributeValue;
import java.time.Instant;
import java.util.Map;

/**
 * One stream record as kept: the change ({@code INSERT}, {@code MODIFY}, {@code REMOVE}) of one item, with the images
 * its stream's view type asks for (null when it does not, or when the change has none), its place in the shard
 * ({@code sequence}, see {@link SequenceNumbers}) and whether the service made it (a time to live deletion).
 */
public record StreamRecord(
        long sequence,
        String eventId,
        String eventName,
        Instant created,
        Map<String, AttributeValue> keys,
        Map<String, AttributeValue> newImage,
        Map<String, AttributeValue> oldImage,
        long sizeBytes,
        boolean byService) {

    /** The sequence number as DynamoDB writes it, a string of digits. */
    public String sequenceNumber() {
        return SequenceNumbers.format(sequence);
    }
}
