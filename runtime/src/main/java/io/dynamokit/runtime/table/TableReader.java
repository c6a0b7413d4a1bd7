package io.dynamokit.runtime.table;

import io.dynamokit.runtime.config.TableReadiness;
import io.dynamokit.table.TableStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Reads a table as DynamoDB describes it: {@code DescribeTable}, and for an existing table {@code DescribeTimeToLive}
 * and {@code ListTagsOfResource}.
 */
final class TableReader {

    private final DynamoDbClient client;
    private final TableTags tags;

    TableReader(DynamoDbClient client, TableTags tags) {
        this.client = client;
        this.tags = tags;
    }

    /** The table's description, or null when it does not exist. */
    TableDescription describe(String tableName) {
        try {
            return client.describeTable(DescribeTableRequest.builder().tableName(tableName).build()).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    /** The table with its time to live and tags; {@link ActualTable#missing()} when it does not exist. */
    ActualTable read(TableDefinition definition) {
        TableDescription table = describe(definition.tableName());
        if (table == null) {
            return ActualTable.missing();
        }
        return read(table);
    }

    /** The time to live and tags of a table just described. */
    ActualTable read(TableDescription table) {
        return new ActualTable(table, client.describeTimeToLive(DescribeTimeToLiveRequest.builder()
                .tableName(table.tableName()).build()).timeToLiveDescription(), tags.read(table.tableArn()));
    }

    static TableStatus statusOf(TableDescription table) {
        if (table == null) {
            return TableStatus.MISSING;
        }
        return TableReadiness.isActiveWithIndexes(table) ? TableStatus.RUNNING : TableStatus.PENDING;
    }
}
