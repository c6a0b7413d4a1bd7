package io.dynamokit.runtime.table;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * A table as DynamoDB describes it.
 *
 * @param table null when the table does not exist
 * @param timeToLive null when not read
 * @param tags the table's tags; null when not read, or when the DynamoDB in use does not support tagging
 */
record ActualTable(TableDescription table, TimeToLiveDescription timeToLive, Map<String, String> tags) {

    static ActualTable missing() {
        return new ActualTable(null, null, null);
    }

    boolean exists() {
        return table != null;
    }

    /**
     * DynamoDB Local, which names its region {@code ddblocal} in ARNs. It reports no table class and cannot change it,
     * and does not support tagging.
     */
    boolean isDynamoDbLocal() {
        return table != null && table.tableArn() != null && table.tableArn().contains(":ddblocal:");
    }
}
