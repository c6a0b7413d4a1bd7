package io.dynamokit.engine.operations;

import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.streams.ShardIterators;
import java.util.Map;

/** DynamoDB Streams' GetShardIterator: TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER. */
final class GetShardIterator implements Operation {
    private final ShardIterators iterators;

    GetShardIterator(ShardIterators iterators) {
        this.iterators = iterators;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String arn = request.string("StreamArn");
        String shardId = request.string("ShardId");
        String type = request.string("ShardIteratorType");
        String sequenceNumber = request.string("SequenceNumber");
        new Constraints().notNull("streamArn", arn)
                .length("streamArn", arn, arn == null ? 0 : arn.length(), 37, 1024)
                .notNull("shardId", shardId)
                .length("shardId", shardId, shardId == null ? 0 : shardId.length(), 28, 65)
                .notNull("shardIteratorType", type)
                .oneOf("shardIteratorType", type, "TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER",
                        "AFTER_SEQUENCE_NUMBER")
                .length("sequenceNumber", sequenceNumber, sequenceNumber == null ? 0 : sequenceNumber.length(),
                        21, 40)
                .check();
        return Map.of("ShardIterator", iterators.iterator(arn, shardId, type, sequenceNumber));
    }
}
