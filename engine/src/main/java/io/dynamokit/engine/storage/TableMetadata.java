package io.dynamokit.engine.storage;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything DynamoDB knows about a table besides its items, immutable: {@code with...} returns a changed copy,
 * which {@link Mutation#updateTable} installs. Attribute definitions are name to type (S, N, B) in request order;
 * tags in request order. {@code transition} is null for an ACTIVE table. {@code timeToLiveAttribute} names the
 * attribute whose epoch seconds expire an item while time to live is enabled, and is null while it is disabled.
 */
public record TableMetadata(
        String name,
        String id,
        String arn,
        KeySchema keySchema,
        Map<String, String> attributeDefinitions,
        List<IndexDefinition> localIndexes,
        List<IndexDefinition> globalIndexes,
        String billingMode,
        Throughput throughput,
        StreamSpec stream,
        SseSpec sse,
        String tableClass,
        boolean deletionProtection,
        Map<String, String> tags,
        Instant createdAt,
        Instant billingModeChangedAt,
        Transition transition,
        String timeToLiveAttribute) {

    public TableMetadata {
        attributeDefinitions = Collections.unmodifiableMap(new LinkedHashMap<>(attributeDefinitions));
        localIndexes = List.copyOf(localIndexes);
        globalIndexes = List.copyOf(globalIndexes);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** A table without time to live. */
    public TableMetadata(String name, String id, String arn, KeySchema keySchema,
            Map<String, String> attributeDefinitions, List<IndexDefinition> localIndexes,
            List<IndexDefinition> globalIndexes, String billingMode, Throughput throughput, StreamSpec stream,
            SseSpec sse, String tableClass, boolean deletionProtection, Map<String, String> tags, Instant createdAt,
            Instant billingModeChangedAt, Transition transition) {
        this(name, id, arn, keySchema, attributeDefinitions, localIndexes, globalIndexes, billingMode, throughput,
                stream, sse, tableClass, deletionProtection, tags, createdAt, billingModeChangedAt, transition, null);
    }

    /** Stream settings; label and ARN are set while a stream is (or was last) enabled. */
    public record StreamSpec(boolean enabled, String viewType, String label, String arn) {
    }

    /** Server-side encryption as requested; null when the table uses DynamoDB's owned key (the default). */
    public record SseSpec(boolean enabled, String type, String kmsKeyArn) {
    }

    public boolean onDemand() {
        return "PAY_PER_REQUEST".equals(billingMode);
    }

    /** CREATING, UPDATING, DELETING while the transition lasts, otherwise ACTIVE. */
    public String status(Instant now) {
        return transition == null || !transition.inProgress(now) ? "ACTIVE" : transition.status();
    }

    public IndexDefinition index(String indexName) {
        for (IndexDefinition index : localIndexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        for (IndexDefinition index : globalIndexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        return null;
    }

    public TableMetadata withTransition(Transition transition) {
        return new TableMetadata(name, id, arn, keySchema, attributeDefinitions, localIndexes, globalIndexes,
                billingMode, throughput, stream, sse, tableClass, deletionProtection, tags, createdAt,
                billingModeChangedAt, transition, timeToLiveAttribute);
    }

    public TableMetadata withGlobalIndexes(List<IndexDefinition> globalIndexes, Map<String, String> definitions) {
        return new TableMetadata(name, id, arn, keySchema, definitions, localIndexes, globalIndexes, billingMode,
                throughput, stream, sse, tableClass, deletionProtection, tags, createdAt, billingModeChangedAt,
                transition, timeToLiveAttribute);
    }

    public TableMetadata withBilling(String billingMode, Throughput throughput, Instant billingModeChangedAt) {
        return new TableMetadata(name, id, arn, keySchema, attributeDefinitions, localIndexes, globalIndexes,
                billingMode, throughput, stream, sse, tableClass, deletionProtection, tags, createdAt,
                billingModeChangedAt, transition, timeToLiveAttribute);
    }

    public TableMetadata withStream(StreamSpec stream) {
        return new TableMetadata(name, id, arn, keySchema, attributeDefinitions, localIndexes, globalIndexes,
                billingMode, throughput, stream, sse, tableClass, deletionProtection, tags, createdAt,
                billingModeChangedAt, transition, timeToLiveAttribute);
    }

    public TableMetadata withSettings(SseSpec sse, String tableClass, boolean deletionProtection) {
        return new TableMetadata(name, id, arn, keySchema, attributeDefinitions, localIndexes, globalIndexes,
                billingMode, throughput, stream, sse, tableClass, deletionProtection, tags, createdAt,
                billingModeChangedAt, transition, timeToLiveAttribute);
    }

    public TableMetadata withTags(Map<String, String> tags) {
        return new TableMetadata(name, id, arn, keySchema, attributeDefinitions, localIndexes, globalIndexes,
                billingMode, throughput, stream, sse, tableClass, deletionProtection, tags, createdAt,
                billingModeChangedAt, transition, timeToLiveAttribute);
    }

    /** The same table with time to live enabled on this attribute, or disabled when it is null. */
    public TableMetadata withTimeToLive(String timeToLiveAttribute) {
        return new TableMetadata(name, id, arn, keySchema, attributeDefinitions, localIndexes, globalIndexes,
                billingMode, throughput, stream, sse, tableClass, deletionProtection, tags, createdAt,
                billingModeChangedAt, transition, timeToLiveAttribute);
    }
}
