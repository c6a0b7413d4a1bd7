package io.dynamokit.engine.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON 1.0 protocol's bodies as plain trees: objects are {@code LinkedHashMap<String, Object>}, arrays
 * {@code ArrayList<Object>}, numbers {@link BigDecimal}, strings, booleans and null. Requests are read into such a
 * tree and checked field by field by {@link Request}; answers are written from a tree that may also hold
 * {@link AttributeValue}s (items are {@code Map<String, AttributeValue>}), {@code byte[]} (base64) and any
 * {@link Number}. Null members are left out of answers, as DynamoDB does.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    /**
     * Strings at least this long with nothing to escape are written as their bytes: Jackson copies a string's
     * characters and looks each up in its escape table, the largest part of answering a 1 KB item.
     */
    private static final int PLAIN_STRING_MIN = 16;
    /** Deeper JSON than any valid request (DynamoDB allows 32 levels of nested attributes). */
    private static final int MAX_DEPTH = 256;

    private Json() {
    }

    /** Parses a request body; malformed JSON or a body that is not an object is a SerializationException. */
    public static Map<String, Object> parseObject(byte[] body) {
        if (body.length == 0) {
            return new LinkedHashMap<>();
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw DynamoException.serialization("Start of structure or map expected");
            }
            Object value = readValue(parser, first, 0);
            if (parser.nextToken() != null) {
                throw DynamoException.serialization("Unexpected content after the end of the request body");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            return map;
        } catch (JsonParseException e) {
            throw DynamoException.serialization("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw DynamoException.serialization("Malformed JSON");
        }
    }

    private static Object readValue(JsonParser parser, JsonToken token, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw DynamoException.serialization("Request nested too deeply");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    map.put(name, readValue(parser, parser.nextToken(), depth + 1));
                }
                if (next != JsonToken.END_OBJECT) {
                    throw DynamoException.serialization("Malformed JSON");
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (next == null) {
                        throw DynamoException.serialization("Malformed JSON");
                    }
                    list.add(readValue(parser, next, depth + 1));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw DynamoException.serialization("Malformed JSON");
        }
    }

    /** Writes an answer tree (see the class comment). */
    public static byte[] write(Object tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writeValue(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof AttributeValue av) {
            writeAttributeValue(g, av);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() != null) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    writeValue(g, e.getValue());
                }
            }
            g.writeEndObject();
        } else if (value instanceof Iterable<?> list) {
            g.writeStartArray();
            for (Object element : list) {
                writeValue(g, element);
            }
            g.writeEndArray();
        } else if (value instanceof String s) {
            writeString(g, s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Float f) {
            g.writeNumber(f);
        } else if (value instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (value instanceof byte[] bytes) {
            g.writeString(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof Enum<?> e) {
            g.writeString(e.name());
        } else {
            g.writeString(value.toString());
        }
    }

    private static void writeAttributeValue(JsonGenerator g, AttributeValue value) throws IOException {
        g.writeStartObject();
        g.writeFieldName(value.type());
        if (value instanceof AttributeValue.S s) {
            writeString(g, s.value());
        } else if (value instanceof AttributeValue.N n) {
            g.writeString(n.value());
        } else if (value instanceof AttributeValue.B b) {
            g.writeString(Base64.getEncoder().encodeToString(b.bytes()));
        } else if (value instanceof AttributeValue.BOOL b) {
            g.writeBoolean(b.value());
        } else if (value instanceof AttributeValue.NULL) {
            g.writeBoolean(true);
        } else if (value instanceof AttributeValue.L l) {
            g.writeStartArray();
            for (AttributeValue element : l.values()) {
                writeAttributeValue(g, element);
            }
            g.writeEndArray();
        } else if (value instanceof AttributeValue.M m) {
            g.writeStartObject();
            for (Map.Entry<String, AttributeValue> e : m.values().entrySet()) {
                g.writeFieldName(e.getKey());
                writeAttributeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof AttributeValue.SS ss) {
            g.writeStartArray();
            for (String s : ss.values()) {
                g.writeString(s);
            }
            g.writeEndArray();
        } else if (value instanceof AttributeValue.NS ns) {
            g.writeStartArray();
            for (String s : ns.values()) {
                g.writeString(s);
            }
            g.writeEndArray();
        } else if (value instanceof AttributeValue.BS bs) {
            g.writeStartArray();
            for (AttributeValue.B b : bs.values()) {
                g.writeString(Base64.getEncoder().encodeToString(b.bytes()));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeString(JsonGenerator g, String text) throws IOException {
        if (text.length() >= PLAIN_STRING_MIN && isPlainAscii(text)) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            g.writeRawUTF8String(bytes, 0, bytes.length);
        } else {
            g.writeString(text);
        }
    }

    /** Printable ASCII without a quote or a backslash: JSON writes it as it is. */
    static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
