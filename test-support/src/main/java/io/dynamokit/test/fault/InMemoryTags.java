package io.dynamokit.test.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tags kept in memory by resource ARN, answering {@code ListTagsOfResource}, {@code TagResource} and
 * {@code UntagResource} as DynamoDB does: for a DynamoDB that does not support tagging, such as DynamoDB Local.
 */
final class InMemoryTags {

    static final String LIST = "ListTagsOfResource";
    static final String TAG = "TagResource";
    static final String UNTAG = "UntagResource";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, String>> byResource = new ConcurrentHashMap<>();

    static boolean handles(String operation) {
        return LIST.equals(operation) || TAG.equals(operation) || UNTAG.equals(operation);
    }

    /** The answer's body: the tags (one page, no {@code NextToken}) for a list, an empty object otherwise. */
    byte[] answer(String operation, byte[] requestBody) {
        JsonNode request = DescribeTableRewrite.read(requestBody);
        String arn = request.path("ResourceArn").asText();
        Map<String, String> tags = byResource.computeIfAbsent(arn, key -> new TreeMap<>());
        ObjectNode answer = JSON.createObjectNode();
        synchronized (tags) {
            if (TAG.equals(operation)) {
                for (JsonNode tag : request.path("Tags")) {
                    tags.put(tag.path("Key").asText(), tag.path("Value").asText());
                }
            } else if (UNTAG.equals(operation)) {
                for (JsonNode key : request.path("TagKeys")) {
                    tags.remove(key.asText());
                }
            } else {
                ArrayNode list = answer.putArray("Tags");
                tags.forEach((key, value) -> list.addObject().put("Key", key).put("Value", value));
            }
        }
        try {
            return JSON.writeValueAsBytes(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
