package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** UntagResource: removes tag keys from a table; a key the table does not have is no error. */
final class UntagResource implements Operation {
    private final Storage storage;

    UntagResource(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String arn = request.string("ResourceArn");
        List<String> keys = request.strings("TagKeys");
        ResourceTags.required(arn, "tagKeys", keys);
        String name = ResourceArns.tableName(arn, "UntagResource");
        if (keys.isEmpty()) {
            throw DynamoException.validation("Atleast one Tag Key needs to be provided as Input.");
        }
        if (keys.size() > ResourceTags.LIMIT) {
            throw ResourceTags.tooMany();
        }
        for (String key : keys) {
            ResourceTags.checkKey(key);
        }
        return storage.write(mutation -> {
            Table table = ResourceTags.changeable(storage, name, arn);
            Map<String, String> remaining = new LinkedHashMap<>(table.metadata().tags());
            remaining.keySet().removeAll(keys);
            if (remaining.size() != table.metadata().tags().size()) {
                mutation.updateTable(table.metadata().withTags(remaining));
            }
            return Map.of();
        });
    }
}
