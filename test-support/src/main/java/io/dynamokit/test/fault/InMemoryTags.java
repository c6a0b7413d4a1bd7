package io.dynamokit.test.fault;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tags kept in memory by resource ARN, answering {@code ListTagsOfResource}, {@code TagResource} and
 * {@code UntagResource} as DynamoDB does: for a DynamoDB that does not support tagging, such as DynamoDB Local.
 */
final class InMemoryTags {

    static final String LIST = "ListTagsOfResource";
    static final String TAG = "TagResource";
    static final String UNTAG = "UntagResource";

    private final Map<String, Map<String, String>> byResource = new ConcurrentHashMap<>();

    static boolean handles(String operation) {
        return LIST.equals(operation) || TAG.equals(operation) || UNTAG.equals(operation);
    }

    /** The answer's body: the tags (one page, no {@code NextToken}) for a list, an empty object otherwise. */
    byte[] answer(String operation, byte[] requestBody) {
        String request = new String(requestBody, StandardCharsets.UTF_8);
        String arn = JsonText.string(HttpWire.jsonMember(request, "ResourceArn"));
        Map<String, String> tags = byResource.computeIfAbsent(String.valueOf(arn), key -> new TreeMap<>());
        String answer;
        synchronized (tags) {
            if (TAG.equals(operation)) {
                for (String tag : JsonText.elements(HttpWire.jsonMember(request, "Tags"))) {
                    tags.put(JsonText.string(HttpWire.jsonMember(tag, "Key")),
                            JsonText.string(HttpWire.jsonMember(tag, "Value")));
                }
                answer = "{}";
            } else if (UNTAG.equals(operation)) {
                for (String key : JsonText.elements(HttpWire.jsonMember(request, "TagKeys"))) {
                    tags.remove(JsonText.string(key));
                }
                answer = "{}";
            } else {
                StringBuilder list = new StringBuilder("{\"Tags\":[");
                for (Map.Entry<String, String> tag : tags.entrySet()) {
                    if (list.charAt(list.length() - 1) != '[') {
                        list.append(',');
                    }
                    list.append("{\"Key\":").append(JsonText.quote(tag.getKey())).append(",\"Value\":")
                            .append(JsonText.quote(tag.getValue())).append('}');
                }
                answer = list.append("]}").toString();
            }
        }
        return answer.getBytes(StandardCharsets.UTF_8);
    }

    /** A copy of the resource's tags. */
    Map<String, String> tagsOf(String arn) {
        Map<String, String> tags = byResource.get(arn);
        if (tags == null) {
            return Map.of();
        }
        synchronized (tags) {
            return Map.copyOf(tags);
        }
    }
}
