package io.dynamokit.engine.operations;

import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.streams.ShardIterators;
import io.dynamokit.engine.streams.StreamStore;

/**
 * Every operation the engine serves, by DynamoDB's name. An operation's class is loaded and its instance made the first
 * time a request names it (the {@link io.dynamokit.engine.protocol.Dispatcher} keeps it then): a start-up loads none
 * of the operation classes, and a test that only puts and gets loads those two.
 */
public final class Operations {
    private Operations() {
    }

    /** The DynamoDB operation of this name, made now; null for a name DynamoDB does not have. */
    public static Operation create(String name, Storage storage) {
        return switch (name) {
            case "CreateTable" -> new CreateTable(storage);
            case "DescribeTable" -> new DescribeTable(storage);
            case "ListTables" -> new ListTables(storage);
            case "UpdateTable" -> new UpdateTable(storage);
            case "DeleteTable" -> new DeleteTable(storage);
            case "PutItem" -> new PutItem(storage);
            case "GetItem" -> new GetItem(storage);
            case "UpdateItem" -> new UpdateItem(storage);
            case "DeleteItem" -> new DeleteItem(storage);
            case "Query" -> new Query(storage);
            case "Scan" -> new Scan(storage);
            case "BatchGetItem" -> new BatchGetItem(storage);
            case "BatchWriteItem" -> new BatchWriteItem(storage);
            case "TransactGetItems" -> new TransactGetItems(storage);
            case "TransactWriteItems" -> new TransactWriteItems(storage);
            case "ExecuteStatement" -> new ExecuteStatement(storage);
            case "BatchExecuteStatement" -> new BatchExecuteStatement(storage);
            case "ExecuteTransaction" -> new ExecuteTransaction(storage);
            case "TagResource" -> new TagResource(storage);
            case "UntagResource" -> new UntagResource(storage);
            case "ListTagsOfResource" -> new ListTagsOfResource(storage);
            case "UpdateTimeToLive" -> new UpdateTimeToLive(storage);
            case "DescribeTimeToLive" -> new DescribeTimeToLive(storage);
            case "DescribeContinuousBackups" -> Backups.describeContinuousBackups(storage);
            case "ListBackups" -> Backups.listBackups();
            case "DescribeKinesisStreamingDestination" -> Insights.describeKinesisStreamingDestination(storage);
            case "DescribeContributorInsights" -> Insights.describeContributorInsights(storage);
            case "DescribeEndpoints" -> new DescribeEndpoints();
            case "DescribeLimits" -> new DescribeLimits();
            default -> null;
        };
    }

    /**
     * The DynamoDB Streams operation of this name ({@code DynamoDBStreams_20120810.<name>}, on the same endpoint),
     * made now; null for a name DynamoDB Streams does not have.
     */
    public static Operation createStreams(String name, Storage storage, StreamStore streams,
            ShardIterators iterators) {
        return switch (name) {
            case "ListStreams" -> new ListStreams(storage, streams);
            case "DescribeStream" -> new DescribeStream(streams);
            case "GetShardIterator" -> new GetShardIterator(iterators);
            case "GetRecords" -> new GetRecords(iterators);
            default -> null;
        };
    }
}
