package io.dynamokit.engine.protocol;

import io.dynamokit.engine.model.DynamoException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reads one member of a request tree as the type the operation's shape declares. A member of the wrong JSON type is
 * a SerializationException with the message DynamoDB's deserializer gives, before any validation runs on it.
 */
public final class Nodes {
    private Nodes() {
    }

    public static String string(Object node) {
        if (node == null || node instanceof String) {
            return (String) node;
        }
        throw mismatch(node, "an String");
    }

    public static Long integer(Object node) {
        if (node == null) {
            return null;
        }
        if (node instanceof BigDecimal d) {
            try {
                return d.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
            } catch (ArithmeticException e) {
                throw DynamoException.serialization("Numeric value (" + d.toPlainString() + ") out of range of long");
            }
        }
        if (node instanceof Boolean) {
            throw DynamoException.serialization("class java.lang.Boolean can not be converted to an Long");
        }
        if (node instanceof String) {
            throw DynamoException.serialization("class java.lang.String can not be converted to an Long");
        }
        throw structural(node);
    }

    public static Boolean bool(Object node) {
        if (node == null || node instanceof Boolean) {
            return (Boolean) node;
        }
        if (node instanceof String s) {
            throw DynamoException.serialization("'" + s.toUpperCase(java.util.Locale.ROOT)
                    + "' can not be converted to an Boolean");
        }
        if (node instanceof BigDecimal d) {
            throw DynamoException.serialization("class " + numberClass(d) + " can not be converted to an Boolean");
        }
        throw structural(node);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> struct(Object node) {
        if (node == null || node instanceof Map) {
            return (Map<String, Object>) node;
        }
        if (node instanceof List) {
            throw DynamoException.serialization("Start of list found where not expected");
        }
        throw DynamoException.serialization("Expected null");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node) {
        if (node == null || node instanceof Map) {
            return (Map<String, Object>) node;
        }
        if (node instanceof List) {
            throw DynamoException.serialization("Start of list found where not expected");
        }
        throw DynamoException.serialization("Expected map or null");
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node) {
        if (node == null || node instanceof List) {
            return (List<Object>) node;
        }
        if (node instanceof Map) {
            throw DynamoException.serialization("Start of structure or map found where not expected.");
        }
        throw DynamoException.serialization("Expected list or null");
    }

    private static DynamoException mismatch(Object node, String target) {
        if (node instanceof Boolean) {
            return DynamoException.serialization("class java.lang.Boolean can not be converted to " + target);
        }
        if (node instanceof BigDecimal d) {
            return DynamoException.serialization("class " + numberClass(d) + " can not be converted to " + target);
        }
        return structural(node);
    }

    private static DynamoException structural(Object node) {
        if (node instanceof List) {
            return DynamoException.serialization("Start of list found where not expected");
        }
        return DynamoException.serialization("Start of structure or map found where not expected.");
    }

    private static String numberClass(BigDecimal d) {
        if (d.stripTrailingZeros().scale() > 0) {
            return "java.lang.Double";
        }
        BigDecimal shortMax = BigDecimal.valueOf(Short.MAX_VALUE);
        BigDecimal intMax = BigDecimal.valueOf(Integer.MAX_VALUE);
        if (d.abs().compareTo(shortMax) <= 0) {
            return "java.lang.Short";
        }
        return d.abs().compareTo(intMax) <= 0 ? "java.lang.Integer" : "java.lang.Long";
    }
}
