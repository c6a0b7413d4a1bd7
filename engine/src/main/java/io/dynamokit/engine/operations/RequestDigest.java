package io.dynamokit.engine.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A SHA-256 digest of a request's parameters (a parsed JSON tree), for the transactions' idempotency tokens: a token
 * is kept for 10 minutes, and keeping the parameters themselves held several kilobytes per transaction. Two trees
 * have the same digest when they are equal as parsed trees: map members in any order, lists in their order.
 */
final class RequestDigest {
    private RequestDigest() {
    }

    static String of(Object tree) {
        StringBuilder canonical = new StringBuilder(256);
        append(canonical, tree);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Each value with its kind and, for text, its length, so that no two different trees write the same text. */
    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append('z');
        } else if (value instanceof Map<?, ?> map) {
            List<String> names = new ArrayList<>();
            for (Object name : map.keySet()) {
                names.add(String.valueOf(name));
            }
            names.sort(null);
            out.append('m').append(names.size()).append('{');
            for (String name : names) {
                text(out, name);
                append(out, map.get(name));
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('l').append(list.size()).append('[');
            for (Object element : list) {
                append(out, element);
            }
            out.append(']');
        } else if (value instanceof String s) {
            out.append('s');
            text(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else {
            out.append('n');
            text(out, value.toString());
        }
    }

    private static void text(StringBuilder out, String text) {
        out.append(text.length()).append(':').append(text);
    }
}
