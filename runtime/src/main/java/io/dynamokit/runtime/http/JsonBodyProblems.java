package io.dynamokit.runtime.http;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

/**
 * Problems for request bodies Jackson could not read: malformed JSON, and JSON of the wrong shape (a field of the wrong
 * type, an array for an object, an unknown field). The {@code detail} names what was wrong in the client's terms (the
 * field, the JSON type expected and the one sent, the position); Jackson's own messages, which name Java classes, are
 * never sent.
 */
final class JsonBodyProblems {

    static final String MALFORMED = "urn:dynamokit:problem:malformed-json";
    static final String INVALID = "urn:dynamokit:problem:invalid-body";
    private static final int LONGEST_VALUE = 60;
    private static final Pattern TOKEN = Pattern.compile("JsonToken\\.([A-Z_]+)");
    private static final Pattern FROM = Pattern
            .compile("from (String|Array|Object|Boolean|Null|Integer|Floating-point|Number)(?: value|\\b)");

    private JsonBodyProblems() {
    }

    /** The problem for a failure reading a JSON body, or null when it is no such failure. */
    static Response of(Throwable failure) {
        if (failure instanceof MismatchedInputException mismatched) {
            return wrongShape(mismatched);
        }
        if (failure instanceof DatabindException databind) {
            // e.g. a constructor of the body's type refused the values: its message is the application's own
            return at(new ProblemJson(INVALID, "Bad Request", 400,
                    "The request body does not have the shape this endpoint expects" + position(databind)), databind);
        }
        if (failure instanceof JsonProcessingException parse) {
            return at(new ProblemJson(MALFORMED, "Bad Request", 400,
                    "The request body is not valid JSON: " + reason(parse) + position(parse)), parse);
        }
        return null;
    }

    private static Response wrongShape(MismatchedInputException e) {
        String field = path(e.getPath());
        String expected = null;
        String detail;
        if (e instanceof PropertyBindingException unknown) {
            TreeSet<String> known = new TreeSet<>();
            if (unknown.getKnownPropertyIds() != null) {
                for (Object id : unknown.getKnownPropertyIds()) {
                    known.add(String.valueOf(id));
                }
            }
            detail = "Field '" + field + "' of the request body is not known here"
                    + (known.isEmpty() ? "" : "; known fields: " + String.join(", ", known));
        } else {
            expected = expected(e.getTargetType());
            String sent = sent(e);
            String subject = field.isEmpty() ? "The request body" : "Field '" + field + "' of the request body";
            detail = expected == null ? subject + " does not have the shape this endpoint expects"
                    : subject + " must be " + expected + (sent == null ? "" : ", not " + sent);
        }
        ProblemJson problem = new ProblemJson(INVALID, "Bad Request", 400, detail + position(e));
        problem.string("field", field.isEmpty() ? null : field).string("expected", expected);
        return at(problem, e);
    }

    private static Response at(ProblemJson problem, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            problem.number("line", location.getLineNr()).number("column", location.getColumnNr());
        }
        return problem.response().build();
    }

    private static String position(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() <= 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** What the parser found wrong, without Jackson's source description (which can quote the whole body). */
    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
            return "unexpected end of input";
        }
        int source = message.indexOf("[Source");
        if (source >= 0) {
            message = message.substring(0, source).replaceAll("\\s*\\(start marker at\\s*$", "");
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        message = message.strip();
        if (message.isEmpty()) {
            return "it cannot be parsed";
        }
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    /** The field as a client writes it: {@code tags[1]}, {@code author.name}. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            return "one of " + String.join(", ", names);
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isPrimitive() || type.getName().startsWith("java.time.")) {
            return null;
        }
        return "an object";
    }

    /** What the client sent where the mismatch was found, as far as the parser still knows. */
    private static String sent(MismatchedInputException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            Object value = invalid.getValue();
            String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
            return text.length() > LONGEST_VALUE ? text.substring(0, LONGEST_VALUE) + "..." : text;
        }
        JsonToken token = null;
        // the parser is closed by then, and its current token gone: Jackson's message names what it found
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher named = TOKEN.matcher(message);
        Matcher from = FROM.matcher(message);
        if (!named.find() && from.find()) {
            return switch (from.group(1)) {
                case "String" -> "a string";
                case "Array" -> "an array";
                case "Object" -> "an object";
                case "Boolean" -> "a boolean";
                case "Null" -> "null";
                default -> "a number";
            };
        }
        if (named.find(0)) {
            try {
                token = JsonToken.valueOf(named.group(1));
            } catch (IllegalArgumentException unknown) {
                token = null;
            }
        } else if (e.getProcessor() instanceof JsonParser parser) {
            token = parser.currentToken();
        }
        if (token == null) {
            return null;
        }
        return switch (token) {
            case START_ARRAY, END_ARRAY -> "an array";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> null;
        };
    }

}
