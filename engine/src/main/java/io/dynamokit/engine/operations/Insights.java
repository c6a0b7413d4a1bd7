package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The describe calls of the table add-ons the engine does not have (Kinesis streaming destinations, contributor
 * insights), answered as DynamoDB answers them for a table without them.
 */
final class Insights {
    private Insights() {
    }

    /** DescribeKinesisStreamingDestination: no destination. */
    static Operation describeKinesisStreamingDestination(Storage storage) {
        return request -> {
            String name = TimeToLiveSpecs.tableName(request);
            return storage.read(() -> {
                TimeToLiveSpecs.existing(storage, name);
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("TableName", name);
                answer.put("KinesisDataStreamDestinations", List.of());
                return answer;
            });
        };
    }

    /** DescribeContributorInsights: DISABLED for the table or one of its indexes. */
    static Operation describeContributorInsights(Storage storage) {
        return request -> {
            String name = TimeToLiveSpecs.tableName(request);
            String index = request.string("IndexName");
            if (index != null && (index.length() < 3 || index.length() > 255)) {
                throw DynamoException.validation(
                        "IndexName must be at least 3 characters long and at most 255 characters long");
            }
            return storage.read(() -> {
                Table table = TimeToLiveSpecs.existing(storage, name);
                if (index != null && table.metadata().index(index) == null) {
                    throw DynamoException.resourceNotFound(
                            "Requested resource not found: Index " + index + " for table " + name);
                }
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("TableName", name);
                if (index != null) {
                    answer.put("IndexName", index);
                }
                answer.put("ContributorInsightsStatus", "DISABLED");
                return answer;
            });
        };
    }
}
