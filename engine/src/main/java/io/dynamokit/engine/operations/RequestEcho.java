package io.dynamokit.engine.operations;

import io.dynamokit.engine.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text of a request member that DynamoDB echoes in a constraint message. Batch and transaction members are
 * echoed as their service model's Java objects print ({@code WriteRequest(putRequest=PutRequest(item={...}))}),
 * except BatchGetItem's RequestItems, which is echoed as the JSON it was sent as.
 */
final class RequestEcho {
    private static final Set<String> STRUCTURES = Set.of("Put", "Update", "Delete", "ConditionCheck", "Get",
            "PutRequest", "DeleteRequest");
    private static final Set<String> VALUE_TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS");

    private RequestEcho() {
    }

    static String json(Object tree) {
        return new String(Json.write(tree), StandardCharsets.UTF_8);
    }

    /** BatchWriteItem's RequestItems: {@code {table=[WriteRequest(...), ...]}}. */
    static String writeRequests(Map<String, Object> requestItems) {
        List<String> tables = new ArrayList<>();
        for (Map.Entry<String, Object> e : requestItems.entrySet()) {
            List<String> requests = new ArrayList<>();
            if (e.getValue() instanceof List<?> list) {
                for (Object request : list) {
                    requests.add(request instanceof Map<?, ?> map
                            ? structure("WriteRequest", map, List.of("PutRequest", "DeleteRequest"))
                            : "null");
                }
            }
            tables.add(e.getKey() + "=[" + String.join(", ", requests) + "]");
        }
        return "{" + String.join(", ", tables) + "}";
    }

    /** TransactItems: {@code [TransactWriteItem(conditionCheck=null, put=Put(...), ...), ...]}. */
    static String transactItems(List<Object> items, String type, List<String> members) {
        List<String> parts = new ArrayList<>();
        for (Object item : items) {
            parts.add(item instanceof Map<?, ?> map ? structure(type, map, members) : "null");
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static String structure(String type, Map<?, ?> map, List<String> members) {
        List<String> fields = new ArrayList<>();
        List<Object> names = new ArrayList<>(members);
        for (Object name : map.keySet()) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        for (Object name : names) {
            Object value = map.get(name);
            String text;
            if (value instanceof Map<?, ?> nested && STRUCTURES.contains(String.valueOf(name))) {
                text = structure(String.valueOf(name), nested, List.of());
            } else {
                text = value(value);
            }
            fields.add(field(String.valueOf(name)) + "=" + text);
        }
        return type + "(" + String.join(", ", fields) + ")";
    }

    private static String value(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1 && VALUE_TYPES.contains(String.valueOf(map.keySet().iterator().next()))) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                return "AttributeValue(" + only.getKey() + "=" + value(only.getValue()) + ")";
            }
            List<String> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                entries.add(e.getKey() + "=" + value(e.getValue()));
            }
            return "{" + String.join(", ", entries) + "}";
        }
        if (node instanceof List<?> list) {
            List<String> elements = new ArrayList<>();
            for (Object element : list) {
                elements.add(value(element));
            }
            return "[" + String.join(", ", elements) + "]";
        }
        return String.valueOf(node);
    }

    private static String field(String member) {
        return member.isEmpty() ? member : Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
