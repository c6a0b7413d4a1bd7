package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UpdateTimeToLive: enables time to live on one attribute or disables it, kept in the table's metadata (so the journal
 * keeps it). DynamoDB refuses a change that changes nothing and a change of attribute while enabled: the attribute is
 * changed by disabling, then enabling on the new one.
 */
final class UpdateTimeToLive implements Operation {
    private final Storage storage;

    UpdateTimeToLive(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String name = request.string("TableName");
        Constraints.required("TableName", name);
        Map<String, Object> spec = request.struct("TimeToLiveSpecification");
        String attribute = spec == null ? null : Nodes.string(spec.get("AttributeName"));
        Boolean enabled = spec == null ? null : Nodes.bool(spec.get("Enabled"));
        Constraints c = new Constraints().name("tableName", name).notNull("timeToLiveSpecification", spec);
        if (spec != null) {
            c.notNull("timeToLiveSpecification.attributeName", attribute);
            if (attribute != null) {
                c.length("timeToLiveSpecification.attributeName", attribute, attribute.length(), 1, 255);
            }
            c.notNull("timeToLiveSpecification.enabled", enabled);
        }
        c.check();
        return storage.write(mutation -> {
            Table table = TimeToLiveSpecs.existing(storage, name);
            String current = table.metadata().timeToLiveAttribute();
            if (current != null && !current.equals(attribute)) {
                throw DynamoException.validation(
                        "TimeToLive is active on a different AttributeName: current AttributeName is " + current);
            }
            if (current != null && enabled) {
                throw DynamoException.validation("TimeToLive is already enabled");
            }
            if (current == null && !enabled) {
                throw DynamoException.validation("TimeToLive is already disabled");
            }
            mutation.updateTable(table.metadata().withTimeToLive(enabled ? attribute : null));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("AttributeName", attribute);
            answer.put("Enabled", enabled);
            return Map.of("TimeToLiveSpecification", answer);
        });
    }
}
