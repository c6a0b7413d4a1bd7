package io.dynamokit.engine.protocol;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.model.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads DynamoDB's JSON form of attribute values ({@code {"S": "x"}}, {@code {"M": {...}}}, ...) from a request
 * tree, with DynamoDB's checks: JSON types and base64 (SerializationException), then exactly one datatype, numbers,
 * NULL true, non-empty sets without duplicates and the nesting limit (ValidationException).
 */
public final class AttributeValues {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");
    /** DynamoDB allows 32 levels of nested documents. */
    private static final int MAX_DEPTH = 32;

    private AttributeValues() {
    }

    /** A map of attribute values (an item, a key, ExpressionAttributeValues); null when absent. */
    public static Map<String, AttributeValue> item(Object node) {
        Map<String, Object> map = Nodes.map(node);
        if (map == null) {
            return null;
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            item.put(e.getKey(), value(e.getValue(), 0));
        }
        return item;
    }

    public static AttributeValue value(Object node) {
        return value(node, 0);
    }

    private static AttributeValue value(Object node, int depth) {
        Map<String, Object> members = Nodes.struct(node);
        if (members == null) {
            throw DynamoException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (depth > MAX_DEPTH) {
            throw DynamoException.validation(INVALID + "Nesting Levels have exceeded supported limits");
        }
        if (members.size() == 1) {
            // the usual {"S": "x"}: one member, read once
            Map.Entry<String, Object> only = members.entrySet().iterator().next();
            checkJsonType(only.getKey(), only.getValue());
            AttributeValue decoded = only.getValue() == null ? null : decode(only.getKey(), only.getValue(), depth);
            if (decoded == null) {
                throw DynamoException.validation(
                        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
            }
            return decoded;
        }
        AttributeValue result = null;
        int types = 0;
        // JSON types first: the deserializer reads the whole structure before anything is validated
        for (Map.Entry<String, Object> e : members.entrySet()) {
            checkJsonType(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : members.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            AttributeValue decoded = decode(e.getKey(), v, depth);
            if (decoded != null) {
                types++;
                result = decoded;
            }
        }
        if (types == 0) {
            throw DynamoException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (types > 1) {
            throw DynamoException.validation("Supplied AttributeValue has more than one datatypes set, "
                    + "must contain exactly one of the supported datatypes");
        }
        return result;
    }

    private static void checkJsonType(String type, Object v) {
        switch (type) {
            case "S", "N" -> Nodes.string(v);
            case "B" -> binary(Nodes.string(v));
            case "BOOL", "NULL" -> Nodes.bool(v);
            case "L" -> Nodes.list(v);
            case "M" -> Nodes.map(v);
            case "SS", "NS" -> {
                List<Object> list = Nodes.list(v);
                if (list != null) {
                    list.forEach(Nodes::string);
                }
            }
            case "BS" -> {
                List<Object> list = Nodes.list(v);
                if (list != null) {
                    list.forEach(x -> binary(Nodes.string(x)));
                }
            }
            default -> {
                // members DynamoDB does not know are dropped by its deserializer
            }
        }
    }

    private static AttributeValue decode(String type, Object v, int depth) {
        switch (type) {
            case "S":
                return new AttributeValue.S((String) v);
            case "N":
                return new AttributeValue.N(number((String) v));
            case "B":
                return new AttributeValue.B(binary((String) v));
            case "BOOL":
                return (Boolean) v ? AttributeValue.TRUE : AttributeValue.FALSE;
            case "NULL":
                if (!(Boolean) v) {
                    throw DynamoException.validation(INVALID + "Null attribute value types must have the value of true");
                }
                return AttributeValue.NULL_VALUE;
            case "L": {
                List<AttributeValue> values = new ArrayList<>();
                for (Object element : Nodes.list(v)) {
                    values.add(value(element, depth + 1));
                }
                return new AttributeValue.L(values);
            }
            case "M": {
                Map<String, AttributeValue> values = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : Nodes.map(v).entrySet()) {
                    if (e.getValue() != null) {
                        values.put(e.getKey(), value(e.getValue(), depth + 1));
                    }
                }
                return new AttributeValue.M(values);
            }
            case "SS":
                return stringSet(Nodes.list(v));
            case "NS":
                return numberSet(Nodes.list(v));
            case "BS":
                return binarySet(Nodes.list(v));
            default:
                return null;
        }
    }

    private static AttributeValue stringSet(List<Object> list) {
        if (list.isEmpty()) {
            throw DynamoException.validation(INVALID + "An string set  may not be empty");
        }
        Set<String> members = new LinkedHashSet<>();
        for (Object o : list) {
            members.add((String) o);
        }
        if (members.size() != list.size()) {
            throw DynamoException.validation(INVALID + "Input collection " + listText(list) + " contains duplicates.");
        }
        return new AttributeValue.SS(members);
    }

    private static AttributeValue numberSet(List<Object> list) {
        if (list.isEmpty()) {
            throw DynamoException.validation(INVALID + "An number set  may not be empty");
        }
        Set<String> members = new LinkedHashSet<>();
        for (Object o : list) {
            members.add(number((String) o));
        }
        if (members.size() != list.size()) {
            throw DynamoException.validation("Input collection contains duplicates");
        }
        return new AttributeValue.NS(members);
    }

    private static AttributeValue binarySet(List<Object> list) {
        if (list.isEmpty()) {
            throw DynamoException.validation(INVALID + "Binary sets should not be empty");
        }
        Set<AttributeValue.B> members = new LinkedHashSet<>();
        for (Object o : list) {
            members.add(new AttributeValue.B(binary((String) o)));
        }
        if (members.size() != list.size()) {
            throw DynamoException.validation(
                    INVALID + "Input collection " + listText(list) + "of type BS contains duplicates.");
        }
        return new AttributeValue.BS(members);
    }

    /** A number member's text, checked and canonicalised as DynamoDB does. */
    public static String number(String text) {
        if (text == null || text.isEmpty()) {
            throw DynamoException.validation("The parameter cannot be converted to a numeric value");
        }
        // a plain decimal within the limits (what most numbers are) matches NUMBER: no pattern nor BigDecimal for it
        String plain = Numbers.canonicalIfPlain(text);
        if (plain != null) {
            return plain;
        }
        if (!NUMBER.matcher(text).matches()) {
            throw DynamoException.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        BigDecimal value = new BigDecimal(text);
        return Numbers.canonical(value);
    }

    private static byte[] binary(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() % 4 != 0) {
            throw DynamoException.serialization("'" + text + "' can not be converted to a Blob: "
                    + "Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
        }
        if (!BASE64.matcher(text).matches()) {
            char bad = text.chars().filter(c -> !(Character.isLetterOrDigit(c) && c < 128) && c != '+' && c != '/'
                    && c != '=').mapToObj(c -> (char) c).findFirst().orElse('=');
            throw DynamoException.serialization("'" + text + "' can not be converted to a Blob: "
                    + "Invalid Base64 character: '" + bad + "'");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw DynamoException.serialization("'" + text + "' can not be converted to a Blob: "
                    + "Invalid last non-pad Base64 character dectected");
        }
    }

    private static String listText(List<Object> list) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(list.get(i));
        }
        return text.append(']').toString();
    }
}
