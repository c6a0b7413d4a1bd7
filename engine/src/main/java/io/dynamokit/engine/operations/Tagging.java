package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Nodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tags given with CreateTable: key 1 to 128 characters, value up to 256, at most 50. */
final class Tagging {
    private Tagging() {
    }

    static void checkShape(Constraints c, String path, List<Map<String, Object>> tags) {
        if (tags == null) {
            return;
        }
        for (int i = 0; i < tags.size(); i++) {
            Map<String, Object> tag = tags.get(i);
            String member = path + "." + (i + 1) + ".member";
            String key = Nodes.string(tag == null ? null : tag.get("Key"));
            String value = Nodes.string(tag == null ? null : tag.get("Value"));
            c.notNull(member + ".key", key);
            if (key != null) {
                c.length(member + ".key", key, key.length(), 1, 128);
            }
            c.notNull(member + ".value", value);
            if (value != null) {
                c.length(member + ".value", value, value.length(), 0, 256);
            }
        }
    }

    static Map<String, String> tags(List<Map<String, Object>> tags) {
        Map<String, String> result = new LinkedHashMap<>();
        if (tags == null) {
            return result;
        }
        for (Map<String, Object> tag : tags) {
            String key = (String) tag.get("Key");
            if (result.put(key, (String) tag.get("Value")) != null) {
                throw DynamoException.validation("One or more parameter values were invalid: Duplicate tag keys "
                        + "found. Tag keys are case sensitive and must be unique.");
            }
        }
        if (result.size() > 50) {
            throw DynamoException.validation("One or more parameter values were invalid: The number of tags "
                    + "exceeds the limit of 50");
        }
        return result;
    }
}
