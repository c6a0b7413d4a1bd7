package io.dynamokit.engine.protocol;

import io.dynamokit.engine.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed request: its operation, the region of its SigV4 credential scope and its body, read member by member
 * with the JSON type the operation expects (see {@link Nodes}). Absent and null members read as null.
 */
public final class Request {
    private final String operation;
    private final String region;
    private final Map<String, Object> body;

    public Request(String operation, String region, Map<String, Object> body) {
        this.operation = operation;
        this.region = region;
        this.body = body;
    }

    public String operation() {
        return operation;
    }

    /** The region the request was signed for, us-east-1 when its scope names none. */
    public String region() {
        return region;
    }

    public Map<String, Object> body() {
        return body;
    }

    public boolean has(String name) {
        return body.get(name) != null;
    }

    public Object raw(String name) {
        return body.get(name);
    }

    public String string(String name) {
        return Nodes.string(body.get(name));
    }

    public Long integer(String name) {
        return Nodes.integer(body.get(name));
    }

    public Boolean bool(String name) {
        return Nodes.bool(body.get(name));
    }

    public boolean isTrue(String name) {
        return Boolean.TRUE.equals(bool(name));
    }

    public Map<String, Object> struct(String name) {
        return Nodes.struct(body.get(name));
    }

    public Map<String, Object> map(String name) {
        return Nodes.map(body.get(name));
    }

    public List<Object> list(String name) {
        return Nodes.list(body.get(name));
    }

    /** A list of structures; each element type-checked. */
    public List<Map<String, Object>> structs(String name) {
        List<Object> list = list(name);
        if (list == null) {
            return null;
        }
        List<Map<String, Object>> result = new ArrayList<>(list.size());
        for (Object element : list) {
            result.add(Nodes.struct(element));
        }
        return result;
    }

    /** A list of strings; each element type-checked. */
    public List<String> strings(String name) {
        return strings(list(name));
    }

    public static List<String> strings(List<Object> list) {
        if (list == null) {
            return null;
        }
        List<String> result = new ArrayList<>(list.size());
        for (Object element : list) {
            result.add(Nodes.string(element));
        }
        return result;
    }

    /** A map of strings, such as ExpressionAttributeNames. */
    public Map<String, String> stringMap(String name) {
        Map<String, Object> map = map(name);
        if (map == null) {
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            result.put(e.getKey(), Nodes.string(e.getValue()));
        }
        return result;
    }

    /** A map of attribute values, such as an Item, a Key or ExpressionAttributeValues. */
    public Map<String, AttributeValue> item(String name) {
        return AttributeValues.item(body.get(name));
    }
}
