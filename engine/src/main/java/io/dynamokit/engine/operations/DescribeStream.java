package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.KeySchema;
import io.dynamokit.engine.streams.StreamStore;
import io.dynamokit.engine.streams.TableStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DynamoDB Streams' DescribeStream: the stream, its table's key schema and its one shard. */
final class DescribeStream implements Operation {
    private final StreamStore streams;

    DescribeStream(StreamStore streams) {
        this.streams = streams;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String arn = request.string("StreamArn");
        Long limit = request.integer("Limit");
        String startShard = request.string("ExclusiveStartShardId");
        new Constraints().notNull("streamArn", arn)
                .length("streamArn", arn, arn == null ? 0 : arn.length(), 37, 1024)
                .atLeast("limit", limit, 1).atMost("limit", limit, 100)
                .length("exclusiveStartShardId", startShard, startShard == null ? 0 : startShard.length(), 28, 65)
                .check();
        TableStream stream = streams.find(arn);
        if (stream == null) {
            throw DynamoException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("StreamArn", stream.arn());
        d.put("StreamLabel", stream.label());
        d.put("StreamStatus", stream.enabled() ? "ENABLED" : "DISABLED");
        d.put("StreamViewType", stream.viewType());
        d.put("CreationRequestDateTime", TableDescriptions.seconds(stream.created()));
        d.put("TableName", stream.tableName());
        KeySchema key = stream.keySchema();
        List<Map<String, Object>> keySchema = new ArrayList<>();
        keySchema.add(TableDescriptions.ordered("AttributeName", key.hashName(), "KeyType", "HASH"));
        if (key.rangeName() != null) {
            keySchema.add(TableDescriptions.ordered("AttributeName", key.rangeName(), "KeyType", "RANGE"));
        }
        d.put("KeySchema", keySchema);
        List<Map<String, Object>> shards = new ArrayList<>();
        // One shard per stream: a start after it (or after any other id) leaves nothing to list.
        if (startShard == null || startShard.compareTo(stream.shardId()) < 0) {
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("StartingSequenceNumber", stream.startingSequenceNumber());
            if (stream.endingSequenceNumber() != null) {
                range.put("EndingSequenceNumber", stream.endingSequenceNumber());
            }
            shards.add(TableDescriptions.ordered("ShardId", stream.shardId(), "SequenceNumberRange", range));
        }
        d.put("Shards", shards);
        return Map.of("StreamDescription", d);
    }
}
