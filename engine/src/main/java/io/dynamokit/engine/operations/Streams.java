package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.storage.TableMetadata;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** A table's StreamSpecification: the checks, and the label and ARN of a newly enabled stream. */
final class Streams {
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private Streams() {
    }

    /** The stream after a request's specification ({@code current} when it has none). */
    static TableMetadata.StreamSpec spec(Map<String, Object> spec, TableMetadata.StreamSpec current, String table,
            String region, Instant now) {
        if (spec == null) {
            return current;
        }
        boolean enabled = Boolean.TRUE.equals(Nodes.bool(spec.get("StreamEnabled")));
        String viewType = Nodes.string(spec.get("StreamViewType"));
        if (enabled && viewType == null) {
            throw DynamoException.validation("StreamViewType must be specified when StreamEnabled is true");
        }
        if (!enabled && viewType != null) {
            throw DynamoException.validation("StreamViewType must not be specified when StreamEnabled is false");
        }
        if (!enabled) {
            return current == null ? null : new TableMetadata.StreamSpec(false, null, current.label(), current.arn());
        }
        String label = LABEL.format(now);
        if (current != null && current.label() != null && label.compareTo(current.label()) <= 0) {
            // a stream switched off and on within the same millisecond is still a new stream with its own ARN
            label = LABEL.format(LocalDateTime.parse(current.label(), LABEL).toInstant(ZoneOffset.UTC)
                    .plusMillis(1));
        }
        String arn = "arn:aws:dynamodb:" + region + ":000000000000:table/" + table + "/stream/" + label;
        return new TableMetadata.StreamSpec(true, viewType, label, arn);
    }
}
