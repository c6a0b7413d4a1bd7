package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.Map;

/** DescribeTable: the table's description with live item counts and sizes. */
final class DescribeTable implements Operation {
    private final Storage storage;

    DescribeTable(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String name = request.string("TableName");
        Constraints.required("TableName", name);
        new Constraints().name("tableName", name).check();
        return storage.read(() -> Map.of("Table", TableDescriptions.describe(existing(storage, name),
                storage.now())));
    }

    /** The table for a table operation; the not-found message table operations give. */
    static Table existing(Storage storage, String name) {
        Table table = storage.find(name);
        if (table == null) {
            throw DynamoException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }
}
