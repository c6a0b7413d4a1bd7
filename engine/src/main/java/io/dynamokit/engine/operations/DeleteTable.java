package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.Map;

/**
 * DeleteTable: refused while the table is being created or updated, or protected against deletion; a table already
 * DELETING is described again.
 */
final class DeleteTable implements Operation {
    private final Storage storage;

    DeleteTable(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String name = request.string("TableName");
        Constraints.required("TableName", name);
        new Constraints().name("tableName", name).check();
        return storage.write(mutation -> {
            Table table = DescribeTable.existing(storage, name);
            String status = table.metadata().status(storage.now());
            if (status.equals("CREATING") || status.equals("UPDATING")) {
                throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table is "
                        + (status.equals("CREATING") ? "being created: " : "being updated: ") + name);
            }
            if (table.metadata().deletionProtection()) {
                throw DynamoException.validation("Resource cannot be deleted as it is currently protected against "
                        + "deletion. Disable deletion protection first.");
            }
            Map<String, Object> description = TableDescriptions.describe(table, storage.now());
            description.put("TableStatus", "DELETING");
            if (!status.equals("DELETING")) {
                mutation.deleteTable(name);
            }
            return Map.of("TableDescription", description);
        });
    }
}
