package io.dynamokit.runtime.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;

/**
 * A table's tags: read every page of them, and make them the declared ones. Tags whose key starts with {@code aws:}
 * belong to AWS and are left alone.
 */
final class TableTags {

    private final DynamoDbClient client;

    TableTags(DynamoDbClient client) {
        this.client = client;
    }

    /** The table's tags, every page, sorted by key. */
    Map<String, String> read(String arn) {
        Map<String, String> tags = new TreeMap<>();
        String next = null;
        do {
            ListTagsOfResourceResponse page = client.listTagsOfResource(ListTagsOfResourceRequest.builder()
                    .resourceArn(arn).nextToken(next).build());
            for (Tag tag : page.tags()) {
                tags.put(tag.key(), tag.value());
            }
            next = page.nextToken();
        } while (next != null);
        return tags;
    }

    /** Removes undeclared tags, then adds or changes the declared ones; one request each, only when needed. */
    void converge(TableDefinition definition, String arn, Map<String, String> tags) {
        List<String> removed = new ArrayList<>();
        for (String key : tags.keySet()) {
            if (!key.startsWith("aws:") && !definition.tags().containsKey(key)) {
                removed.add(key);
            }
        }
        Map<String, String> changed = new LinkedHashMap<>();
        for (Map.Entry<String, String> tag : definition.tags().entrySet()) {
            if (!tag.getValue().equals(tags.get(tag.getKey()))) {
                changed.put(tag.getKey(), tag.getValue());
            }
        }
        if (!removed.isEmpty()) {
            client.untagResource(UntagResourceRequest.builder().resourceArn(arn).tagKeys(removed).build());
        }
        if (!changed.isEmpty()) {
            client.tagResource(TagResourceRequest.builder().resourceArn(arn).tags(TableDefinition.sdkTags(changed))
                    .build());
        }
    }
}
