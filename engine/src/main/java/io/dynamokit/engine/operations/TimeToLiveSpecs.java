package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** The TableName checks shared by the time to live operations, and the descriptions they answer. */
final class TimeToLiveSpecs {
    private TimeToLiveSpecs() {
    }

    static String tableName(Request request) {
        String name = request.string("TableName");
        Constraints.required("TableName", name);
        new Constraints().name("tableName", name).check();
        return name;
    }

    static Table existing(Storage storage, String name) {
        Table table = storage.find(name);
        if (table == null) {
            throw DynamoException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }

    static Map<String, Object> description(String attribute) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("TimeToLiveStatus", attribute == null ? "DISABLED" : "ENABLED");
        if (attribute != null) {
            description.put("AttributeName", attribute);
        }
        return description;
    }
}
