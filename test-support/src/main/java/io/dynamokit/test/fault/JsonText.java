package io.dynamokit.test.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * The little JSON the fault rules need to read and write DynamoDB's bodies: strings, and the elements of an array.
 * DynamoDB's JSON protocol sends compact, well-formed JSON; nothing here checks it.
 */
final class JsonText {

    private JsonText() {
    }

    /** The text of a JSON string value, such as {@code "a\"b"}; null when the value is absent or not a string. */
    static String string(String value) {
        if (value == null || value.length() < 2 || value.charAt(0) != '"') {
            return null;
        }
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char escaped = value.charAt(++i);
            switch (escaped) {
                case 'n':
                    text.append('\n');
                    break;
                case 't':
                    text.append('\t');
                    break;
                case 'r':
                    text.append('\r');
                    break;
                case 'b':
                    text.append('\b');
                    break;
                case 'f':
                    text.append('\f');
                    break;
                case 'u':
                    text.append((char) Integer.parseInt(value.substring(i + 1, i + 5), 16));
                    i += 4;
                    break;
                default:
                    text.append(escaped);
                    break;
            }
        }
        return text.toString();
    }

    /** A JSON string value holding the text. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** The elements of a JSON array, each as JSON text; empty when the value is absent or not an array. */
    static List<String> elements(String array) {
        List<String> elements = new ArrayList<>();
        if (array == null || !array.startsWith("[")) {
            return elements;
        }
        int i = 1;
        while (true) {
            while (i < array.length() && (Character.isWhitespace(array.charAt(i)) || array.charAt(i) == ',')) {
                i++;
            }
            if (i >= array.length() || array.charAt(i) == ']') {
                return elements;
            }
            int end = HttpWire.valueEnd(array, i);
            elements.add(array.substring(i, end).trim());
            i = end;
        }
    }
}
