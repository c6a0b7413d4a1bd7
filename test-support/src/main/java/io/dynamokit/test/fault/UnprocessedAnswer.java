package io.dynamokit.test.fault;

import java.nio.charset.StandardCharsets;

/**
 * The answer of an {@link FaultRule#unprocessed() unprocessed} rule: the request's own {@code RequestItems}, copied
 * as text, declared unprocessed. Copying the text, rather than parsing and writing it again, hands the client back
 * exactly the entries it sent.
 */
final class UnprocessedAnswer {

    private UnprocessedAnswer() {
    }

    /**
     * The body of a batch answer that leaves every entry of the request unprocessed, or null for other operations.
     */
    static byte[] body(String target, byte[] requestBody) {
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        String requestItems = jsonMember(new String(requestBody, StandardCharsets.UTF_8), "RequestItems");
        if (requestItems == null) {
            return null;
        }
        String body;
        if ("BatchWriteItem".equals(operation)) {
            body = "{\"UnprocessedItems\":" + requestItems + "}";
        } else if ("BatchGetItem".equals(operation)) {
            body = "{\"Responses\":{},\"UnprocessedKeys\":" + requestItems + "}";
        } else {
            return null;
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The text of a top-level JSON member's value, found by scanning the JSON (strings and escapes respected);
     * null when absent.
     */
    static String jsonMember(String json, String name) {
        String quoted = "\"" + name + "\"";
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                if (depth == 1 && json.startsWith(quoted, i)) {
                    int colon = json.indexOf(':', i + quoted.length());
                    int start = colon + 1;
                    while (start < json.length() && Character.isWhitespace(json.charAt(start))) {
                        start++;
                    }
                    return json.substring(start, valueEnd(json, start));
                }
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return null;
    }

    /** Where the JSON value starting at {@code start} ends (exclusive). */
    private static int valueEnd(String json, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    // the end of the enclosing object or array ends a number, true, false or null
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (depth == 0 && c == ',') {
                return i;
            }
        }
        return json.length();
    }
}
