package io.dynamokit.engine.operations;

import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.streams.ShardIterators;
import io.dynamokit.engine.streams.StreamRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DynamoDB Streams' GetRecords: up to Limit (1 to 1000) records from an iterator, and the iterator to go on. */
final class GetRecords implements Operation {
    private static final Map<String, Object> SERVICE = TableDescriptions.ordered("PrincipalId",
            "dynamodb.amazonaws.com", "Type", "Service");

    private final ShardIterators iterators;

    GetRecords(ShardIterators iterators) {
        this.iterators = iterators;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String iterator = request.string("ShardIterator");
        Long limit = request.integer("Limit");
        new Constraints().notNull("shardIterator", iterator)
                .length("shardIterator", iterator, iterator == null ? 0 : iterator.length(), 1, 2048)
                .atLeast("limit", limit, 1).atMost("limit", limit, 1000)
                .check();
        ShardIterators.Page page = iterators.read(iterator, limit == null ? 1000 : limit.intValue());
        List<Map<String, Object>> records = new ArrayList<>();
        for (StreamRecord record : page.records()) {
            records.add(render(record, page.stream().region(), page.stream().viewType()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Records", records);
        if (page.nextIterator() != null) {
            answer.put("NextShardIterator", page.nextIterator());
        }
        return answer;
    }

    private static Map<String, Object> render(StreamRecord record, String region, String viewType) {
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        dynamodb.put("ApproximateCreationDateTime", record.created().getEpochSecond());
        dynamodb.put("Keys", record.keys());
        if (record.newImage() != null) {
            dynamodb.put("NewImage", record.newImage());
        }
        if (record.oldImage() != null) {
            dynamodb.put("OldImage", record.oldImage());
        }
        dynamodb.put("SequenceNumber", record.sequenceNumber());
        dynamodb.put("SizeBytes", record.sizeBytes());
        dynamodb.put("StreamViewType", viewType);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("eventID", record.eventId());
        answer.put("eventName", record.eventName());
        answer.put("eventVersion", "1.1");
        answer.put("eventSource", "aws:dynamodb");
        answer.put("awsRegion", region);
        answer.put("dynamodb", dynamodb);
        if (record.byService()) {
            answer.put("userIdentity", SERVICE);
        }
        return answer;
    }
}
