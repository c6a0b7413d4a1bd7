package io.dynamokit.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The differences between a declared table and the table in DynamoDB, each in words, such as
 * {@code Thread: provisioned throughput read 10 != declared 15}. Empty when the table is as declared.
 * <p>
 * What DynamoDB reports but a declaration does not hold is never compared: creation time, item count, size, ARNs,
 * status, stream labels, throughput change history.
 */
public final class TableDiff {

    /**
     * One difference.
     *
     * @param table the table's name in DynamoDB
     * @param description what differs, such as {@code global secondary index ByAuthor: missing}
     * @param inPlace whether DynamoDB can change it on the existing table ({@code update} converges it); false for
     *        what needs the table to be recreated (keys, local secondary indexes)
     */
    public record Difference(String table, String description, boolean inPlace) {

        @Override
        public String toString() {
            return table + ": " + description;
        }
    }

    private final String table;
    private final List<Difference> differences;

    public TableDiff(String table, List<Difference> differences) {
        this.table = table;
        this.differences = List.copyOf(differences);
    }

    /** The table's name in DynamoDB. */
    public String table() {
        return table;
    }

    public List<Difference> differences() {
        return differences;
    }

    /** True when the table is as declared. */
    public boolean isEmpty() {
        return differences.isEmpty();
    }

    /** The differences DynamoDB cannot change on the existing table. */
    public List<Difference> requiringRecreation() {
        List<Difference> result = new ArrayList<>();
        for (Difference difference : differences) {
            if (!difference.inPlace()) {
                result.add(difference);
            }
        }
        return result;
    }

    /** Every difference on a line of its own. */
    @Override
    public String toString() {
        if (differences.isEmpty()) {
            return table + ": as declared";
        }
        StringBuilder text = new StringBuilder();
        for (Difference difference : differences) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(difference);
        }
        return text.toString();
    }
}
