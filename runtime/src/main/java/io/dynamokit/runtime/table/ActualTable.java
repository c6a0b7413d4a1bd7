package io.dynamokit.runtime.table;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * A table as DynamoDB describes it.
 *
 * @param table null when the table does not exist
 * @param timeToLive its time to live; null when the table does not exist
 * @param tags its tags; null when the table does not exist
 */
record ActualTable(TableDescription table, TimeToLiveDescription timeToLive, Map<String, String> tags) {

    static ActualTable missing() {
        return new ActualTable(null, null, null);
    }

    boolean exists() {
        return table != null;
    }
}
