package io.dynamokit.runtime.config;

import java.time.Duration;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * When a table is ready for use, as both the document client's {@code awaitActive} and the tables room's waits and
 * readiness check decide it, and how a wait that did not see it reports the table. It lives with the settings every
 * room reads so that those two rooms share it without depending on each other.
 */
public final class TableReadiness {

    private TableReadiness() {
    }

    /** ACTIVE, and so is every global secondary index (local ones share the table's status). */
    public static boolean isActiveWithIndexes(TableDescription table) {
        if (table.tableStatus() != TableStatus.ACTIVE) {
            return false;
        }
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            if (index.indexStatus() != IndexStatus.ACTIVE) {
                return false;
            }
        }
        return true;
    }

    /** The table's status and each global secondary index's, as a failed wait reports them. */
    public static String statusOf(TableDescription table) {
        StringBuilder status = new StringBuilder(String.valueOf(table.tableStatus()));
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            status.append(", index ").append(index.indexName()).append(' ').append(index.indexStatus());
        }
        return status.toString();
    }

    /**
     * The failure of a wait whose timeout passed before the table was ready; {@code lastSeen} is what
     * {@link #statusOf} said last, or "missing".
     */
    public static SdkClientException notActive(String tableName, Duration timeout, String lastSeen, Throwable cause) {
        return SdkClientException.builder().message("Table " + tableName
                + " was not ACTIVE with all its global secondary indexes within " + timeout + " (last seen: "
                + lastSeen + ")").cause(cause).build();
    }
}
