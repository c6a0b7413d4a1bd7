package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.streams.StreamStore;
import io.dynamokit.engine.streams.TableStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DynamoDB Streams' ListStreams: the streams (enabled, or disabled less than 24 hours ago) in ARN order. */
final class ListStreams implements Operation {
    private final Storage storage;
    private final StreamStore streams;

    ListStreams(Storage storage, StreamStore streams) {
        this.storage = storage;
        this.streams = streams;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String tableName = request.string("TableName");
        Long limit = request.integer("Limit");
        String start = request.string("ExclusiveStartStreamArn");
        new Constraints().name("tableName", tableName)
                .atLeast("limit", limit, 1).atMost("limit", limit, 100)
                .length("exclusiveStartStreamArn", start, start == null ? 0 : start.length(), 37, 1024)
                .check();
        List<TableStream> all = streams.list(tableName);
        if (tableName != null && all.isEmpty() && storage.find(tableName) == null) {
            throw DynamoException.resourceNotFound("Requested resource not found: Table: " + tableName
                    + " not found");
        }
        int max = limit == null ? 100 : limit.intValue();
        List<Map<String, Object>> page = new ArrayList<>();
        boolean more = false;
        for (TableStream stream : all) {
            if (start != null && stream.arn().compareTo(start) <= 0) {
                continue;
            }
            if (page.size() == max) {
                more = true;
                break;
            }
            page.add(TableDescriptions.ordered("StreamArn", stream.arn(), "TableName", stream.tableName(),
                    "StreamLabel", stream.label()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Streams", page);
        if (more) {
            answer.put("LastEvaluatedStreamArn", page.get(page.size() - 1).get("StreamArn"));
        }
        return answer;
    }
}
