package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.model.DynamoException.CancellationReason;
import io.dynamokit.engine.storage.ItemKey;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What TransactGetItems and TransactWriteItems share: the TransactItems checks, the cancellation answer and a repeated
 * transaction's capacity.
 */
final class Transactions {
    static final CancellationReason NONE = new CancellationReason("None", null, null);

    private Transactions() {
    }

    /** The TransactItems member: present, 1 to {@code max} actions (the list echoed as DynamoDB echoes it). */
    static void checkActions(Constraints c, List<Object> items, String type, List<String> members, int max) {
        if (items == null) {
            c.notNull("transactItems", null);
        } else if (items.isEmpty()) {
            c.violation("Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater "
                    + "than or equal to 1");
        } else if (items.size() > max) {
            c.violation("Value '" + RequestEcho.transactItems(items, type, members) + "' at 'transactItems' failed to "
                    + "satisfy constraint: Member must have length less than or equal to " + max);
        }
    }

    /** An action's TableName and its Key (or Item) member. */
    static void checkTarget(Constraints c, String path, Map<String, Object> action, String keyMember) {
        Object tableName = action.get("TableName");
        c.notNull(path + ".tableName", tableName);
        if (tableName instanceof String name) {
            c.name(path + ".tableName", name);
        }
        c.notNull(path + "." + Character.toLowerCase(keyMember.charAt(0)) + keyMember.substring(1),
                action.get(keyMember));
    }

    static CancellationReason validationError(DynamoException invalid) {
        return new CancellationReason("ValidationError", invalid.getMessage(), null);
    }

    static CancellationReason conditionFailed(Map<String, AttributeValue> item) {
        return new CancellationReason("ConditionalCheckFailed", "The conditional request failed", item);
    }

    static DynamoException cancelled(List<CancellationReason> reasons) {
        StringBuilder codes = new StringBuilder();
        for (CancellationReason reason : reasons) {
            if (codes.length() > 0) {
                codes.append(", ");
            }
            codes.append(reason.code());
        }
        return DynamoException.transactionCanceled(
                "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]",
                List.copyOf(reasons));
    }

    /** An item a repeated write transaction reads: its table and key. */
    record Read(String tableName, Map<String, AttributeValue> key) {
    }

    /**
     * The ConsumedCapacity of a write transaction repeated with its client request token: nothing is written again,
     * and DynamoDB answers the read capacity units of reading the items (transactional reads, twice a consistent
     * read's units); a table deleted since is not read.
     */
    static CapacityTally repeatCapacity(Storage storage, String capacityMode, List<Read> reads) {
        CapacityTally capacity = CapacityTally.transactional(capacityMode, "ReadCapacityUnits");
        for (Read read : reads) {
            Table table = storage.find(read.tableName());
            if (table != null) {
                capacity.read(table, table.get(read.key()), true);
            }
        }
        return capacity;
    }

    /** The items a transaction targets: one action per item. A key that is not a key of its table is skipped. */
    static final class Targets {
        private record Target(String table, ItemKey key) {
        }

        private final Set<Target> seen = new HashSet<>();

        void add(Table table, Map<String, AttributeValue> itemOrKey) {
            ItemKey key = table.keySchema().keyOf(itemOrKey);
            if (key != null && !seen.add(new Target(table.name(), key))) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
            }
        }
    }
}
