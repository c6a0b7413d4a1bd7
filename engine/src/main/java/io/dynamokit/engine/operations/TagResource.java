package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TagResource: adds tags to a table or replaces the values of keys it has; the table keeps at most 50. */
final class TagResource implements Operation {
    private final Storage storage;

    TagResource(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String arn = request.string("ResourceArn");
        List<Map<String, Object>> tags = request.structs("Tags");
        ResourceTags.required(arn, "tags", tags);
        String name = ResourceArns.tableName(arn, "TagResource");
        if (tags.isEmpty()) {
            throw DynamoException.validation("Atleast one Tag needs to be provided as Input.");
        }
        Map<String, String> added = new LinkedHashMap<>();
        for (Map<String, Object> tag : tags) {
            String key = tag == null ? null : Nodes.string(tag.get("Key"));
            ResourceTags.checkKey(key);
            ResourceTags.checkValue(tag.get("Value"));
            if (added.put(key, (String) tag.get("Value")) != null) {
                throw DynamoException.validation(
                        "Duplicate Tag Keys provided as input: Duplicate Tag Key found " + key);
            }
        }
        if (added.size() > ResourceTags.LIMIT) {
            throw ResourceTags.tooMany();
        }
        return storage.write(mutation -> {
            Table table = ResourceTags.changeable(storage, name, arn);
            Map<String, String> merged = new LinkedHashMap<>(table.metadata().tags());
            merged.putAll(added);
            if (merged.size() > ResourceTags.LIMIT) {
                throw ResourceTags.tooMany();
            }
            if (!merged.equals(table.metadata().tags())) {
                mutation.updateTable(table.metadata().withTags(merged));
            }
            return Map.of();
        });
    }
}
