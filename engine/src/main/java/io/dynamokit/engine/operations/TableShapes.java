package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.KeySchema;
import io.dynamokit.engine.storage.Projection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts CreateTable and UpdateTable share: key schemas, projections, throughput, their checks and messages. */
final class TableShapes {
    static final String INVALID = "One or more parameter values were invalid: ";
    static final long MAX_UNITS = 1_000_000_000_000L;

    private TableShapes() {
    }

    static List<Map<String, Object>> structs(List<Object> list) {
        if (list == null) {
            return null;
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object element : list) {
            result.add(Nodes.struct(element));
        }
        return result;
    }

    /** Shape constraints of a KeySchema list at {@code path}. */
    static void checkKeySchema(Constraints c, String path, List<Map<String, Object>> keySchema, boolean keyTypeEnum) {
        c.notNull(path, keySchema);
        if (keySchema == null) {
            return;
        }
        for (int i = 0; i < keySchema.size(); i++) {
            Map<String, Object> element = keySchema.get(i);
            String member = path + "." + (i + 1) + ".member";
            c.notNull(member + ".attributeName", Nodes.string(element == null ? null : element.get("AttributeName")));
            String keyType = Nodes.string(element == null ? null : element.get("KeyType"));
            c.notNull(member + ".keyType", keyType);
            if (keyTypeEnum) {
                c.oneOf(member + ".keyType", keyType, "HASH", "RANGE");
            }
        }
        c.length(path, rendered(keySchema), keySchema.size(), 1, 2);
    }

    /** Key schema elements as DynamoDB prints them in a constraint message. */
    private static List<String> rendered(List<Map<String, Object>> keySchema) {
        List<String> rendered = new ArrayList<>();
        for (Map<String, Object> element : keySchema) {
            rendered.add("KeySchemaElement(attributeName=" + (element == null ? null : element.get("AttributeName"))
                    + ", keyType=" + (element == null ? null : element.get("KeyType")) + ")");
        }
        return rendered;
    }

    static void checkProjection(Constraints c, String path, Map<String, Object> projection) {
        c.notNull(path, projection);
        if (projection == null) {
            return;
        }
        c.oneOf(path + ".projectionType", Nodes.string(projection.get("ProjectionType")), "ALL", "INCLUDE",
                "KEYS_ONLY");
        List<String> nonKey = Request.strings(Nodes.list(projection.get("NonKeyAttributes")));
        c.size(path + ".nonKeyAttributes", nonKey, 1, 20);
    }

    static void checkThroughput(Constraints c, String path, Map<String, Object> throughput) {
        if (throughput == null) {
            return;
        }
        Long write = Nodes.integer(throughput.get("WriteCapacityUnits"));
        Long read = Nodes.integer(throughput.get("ReadCapacityUnits"));
        c.notNull(path + ".writeCapacityUnits", write).atLeast(path + ".writeCapacityUnits", write, 1);
        c.notNull(path + ".readCapacityUnits", read).atLeast(path + ".readCapacityUnits", read, 1);
    }

    /** DynamoDB's upper bound on provisioned units. */
    static void checkUnitBounds(Map<String, Object> throughput) {
        if (throughput == null) {
            return;
        }
        long read = Nodes.integer(throughput.get("ReadCapacityUnits"));
        long write = Nodes.integer(throughput.get("WriteCapacityUnits"));
        if (read > MAX_UNITS) {
            throw DynamoException.validation("Given value " + read + " for ReadCapacityUnits is out of bounds");
        }
        if (write > MAX_UNITS) {
            throw DynamoException.validation("Given value " + write + " for WriteCapacityUnits is out of bounds");
        }
    }

    static List<String> keyNames(List<Map<String, Object>> keySchema) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> element : keySchema) {
            names.add((String) element.get("AttributeName"));
        }
        return names;
    }

    /** The semantic checks of an index's or table's key schema, in DynamoDB's order. */
    static void checkKeys(List<Map<String, Object>> keySchema, Map<String, String> definitions, boolean table) {
        List<String> keys = keyNames(keySchema);
        if (!definitions.keySet().containsAll(keys) || (table && keys.size() == 2 && keys.get(0).equals(keys.get(1))
                && definitions.size() == 1)) {
            if (table && keys.size() == 2) {
                throw DynamoException.validation("Invalid KeySchema: Some index key attribute have no definition");
            }
            throw DynamoException.validation(INVALID + "Some index key attributes are not defined in "
                    + "AttributeDefinitions. Keys: " + keys + ", AttributeDefinitions: "
                    + new ArrayList<>(definitions.keySet()));
        }
        if (keys.size() == 2 && keys.get(0).equals(keys.get(1))) {
            throw DynamoException.validation(
                    "Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!"HASH".equals(keySchema.get(0).get("KeyType"))) {
            throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (keySchema.size() == 2 && !"RANGE".equals(keySchema.get(1).get("KeyType"))) {
            throw DynamoException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
    }

    static KeySchema keySchema(List<Map<String, Object>> elements, Map<String, String> definitions) {
        String hash = (String) elements.get(0).get("AttributeName");
        String range = elements.size() > 1 ? (String) elements.get(1).get("AttributeName") : null;
        return new KeySchema(hash, definitions.get(hash), range, range == null ? null : definitions.get(range));
    }

    /** The projection's semantic checks; returns it. */
    static Projection projection(Map<String, Object> projection) {
        String type = Nodes.string(projection.get("ProjectionType"));
        List<String> nonKey = Request.strings(Nodes.list(projection.get("NonKeyAttributes")));
        if (type == null) {
            throw DynamoException.validation(INVALID + "Unknown ProjectionType: null");
        }
        if (nonKey != null && !type.equals("INCLUDE")) {
            throw DynamoException.validation(
                    INVALID + "ProjectionType is " + type + ", but NonKeyAttributes is specified");
        }
        return new Projection(type, nonKey);
    }

    /** Attribute definitions in request order; assumes the shape was checked. */
    static Map<String, String> definitions(List<Map<String, Object>> definitions) {
        Map<String, String> result = new LinkedHashMap<>();
        if (definitions != null) {
            for (Map<String, Object> definition : definitions) {
                result.put((String) definition.get("AttributeName"), (String) definition.get("AttributeType"));
            }
        }
        return result;
    }

    static void checkDefinitions(Constraints c, List<Map<String, Object>> definitions) {
        if (definitions == null) {
            return;
        }
        for (int i = 0; i < definitions.size(); i++) {
            Map<String, Object> definition = definitions.get(i);
            String member = "attributeDefinitions." + (i + 1) + ".member";
            c.notNull(member + ".attributeName", Nodes.string(definition == null ? null : definition.get("AttributeName")));
            String type = Nodes.string(definition == null ? null : definition.get("AttributeType"));
            c.notNull(member + ".attributeType", type).oneOf(member + ".attributeType", type, "B", "N", "S");
        }
    }
}
