package io.dynamokit.document;

import java.util.OptionalInt;

/**
 * A scan: filter, index, projection, select, page size, start key, and a segment of a parallel scan. Immutable; every
 * method returns a new instance.
 *
 * <pre>
 * Scan.on("Thread").filter("Replies &gt; :n").value(":n", 10).segment(0, 4)
 * </pre>
 */
public final class Scan extends ReadRequest<Scan> {

    private Integer segment;
    private Integer totalSegments;

    private Scan(String tableName) {
        super(tableName);
    }

    public static Scan on(String tableName) {
        return new Scan(tableName);
    }

    /**
     * One segment of a parallel scan: this scan reads segment {@code segment} (from 0) of {@code totalSegments}.
     */
    public Scan segment(int segment, int totalSegments) {
        if (totalSegments < 1 || totalSegments > 1_000_000 || segment < 0 || segment >= totalSegments) {
            throw new IllegalArgumentException("segment " + segment + " of " + totalSegments
                    + ": totalSegments must be between 1 and 1000000 and segment between 0 and totalSegments - 1");
        }
        Scan copy = copy();
        copy.segment = segment;
        copy.totalSegments = totalSegments;
        return copy;
    }

    public OptionalInt segmentNumber() {
        return segment == null ? OptionalInt.empty() : OptionalInt.of(segment);
    }

    public OptionalInt totalSegmentCount() {
        return totalSegments == null ? OptionalInt.empty() : OptionalInt.of(totalSegments);
    }
}
