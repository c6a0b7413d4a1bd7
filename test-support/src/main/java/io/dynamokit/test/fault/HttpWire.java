package io.dynamokit.test.fault;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of an HTTP/1.1 message shared by the proxy's client side and upstream side: heads and header fields, and
 * the helpers that write them. {@link HttpReader} reads them from a connection.
 */
final class HttpWire {

    static final String CRLF = "\r\n";

    /**
     * Header fields that only concern one connection and are never copied across the proxy. {@code Content-Length}
     * is in the list as well because the proxy always recomputes it.
     */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "content-length");

    private HttpWire() {
    }

    /**
     * One header field, name as received.
     */
    record Field(String name, String value) {
    }

    /**
     * A request line plus its header fields.
     */
    record RequestHead(String method, String target, String version, List<Field> fields) {
    }

    /**
     * A status line plus its header fields.
     */
    record ResponseHead(String version, int status, String reason, List<Field> fields) {
    }

    /**
     * @return the first value of the named field, or {@code null}
     */
    static String first(List<Field> fields, String name) {
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                return field.value();
            }
        }
        return null;
    }

    /**
     * @return whether any value of the named comma-separated field contains the token (case-insensitive)
     */
    static boolean hasToken(List<Field> fields, String name, String token) {
        return tokens(fields, name).contains(token.toLowerCase(Locale.ROOT));
    }

    private static Set<String> tokens(List<Field> fields, String name) {
        Set<String> tokens = new HashSet<>();
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                for (String token : field.value().split(",")) {
                    String trimmed = token.trim();
                    if (!trimmed.isEmpty()) {
                        tokens.add(trimmed.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return tokens;
    }

    /**
     * @return the fields that may cross the proxy: hop-by-hop fields, fields named by {@code Connection} and the
     *         fields in {@code alsoDrop} (lower case) are removed
     */
    static List<Field> endToEnd(List<Field> fields, Set<String> alsoDrop) {
        Set<String> named = tokens(fields, "Connection");
        List<Field> result = new ArrayList<>(fields.size());
        for (Field field : fields) {
            String lower = field.name().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !named.contains(lower) && !alsoDrop.contains(lower)) {
                result.add(field);
            }
        }
        return result;
    }

    /**
     * Appends {@code name: value CRLF}.
     */
    static void appendField(StringBuilder head, String name, Object value) {
        head.append(name).append(": ").append(value).append(CRLF);
    }

    /**
     * @return the head followed by the body, the head encoded as ISO-8859-1
     */
    static byte[] concat(CharSequence head, byte[] body) {
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, message, 0, headBytes.length);
        System.arraycopy(body, 0, message, headBytes.length, body.length);
        return message;
    }

    /**
     * @return the standard reason phrase for the common status codes, {@code "Status"} otherwise
     */
    static String reasonPhrase(int status) {
        switch (status) {
            case 100:
                return "Continue";
            case 200:
                return "OK";
            case 204:
                return "No Content";
            case 400:
                return "Bad Request";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 413:
                return "Content Too Large";
            case 429:
                return "Too Many Requests";
            case 500:
                return "Internal Server Error";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return "Status";
        }
    }
}
