package io.dynamokit.engine.operations;

import io.dynamokit.engine.protocol.Dispatcher;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.streams.ShardIterators;
import io.dynamokit.engine.streams.StreamStore;

/** Every operation the engine serves, by DynamoDB's name. */
public final class Operations {
    private Operations() {
    }

    public static void registerAll(Dispatcher dispatcher, Storage storage) {
        dispatcher.register("CreateTable", new CreateTable(storage));
        dispatcher.register("DescribeTable", new DescribeTable(storage));
        dispatcher.register("ListTables", new ListTables(storage));
        dispatcher.register("UpdateTable", new UpdateTable(storage));
        dispatcher.register("DeleteTable", new DeleteTable(storage));
        dispatcher.register("PutItem", new PutItem(storage));
        dispatcher.register("GetItem", new GetItem(storage));
        dispatcher.register("UpdateItem", new UpdateItem(storage));
        dispatcher.register("DeleteItem", new DeleteItem(storage));
        dispatcher.register("Query", new Query(storage));
        dispatcher.register("Scan", new Scan(storage));
        dispatcher.register("BatchGetItem", new BatchGetItem(storage));
        dispatcher.register("BatchWriteItem", new BatchWriteItem(storage));
        dispatcher.register("TransactGetItems", new TransactGetItems(storage));
        dispatcher.register("TransactWriteItems", new TransactWriteItems(storage));
        dispatcher.register("ExecuteStatement", new ExecuteStatement(storage));
        dispatcher.register("BatchExecuteStatement", new BatchExecuteStatement(storage));
        dispatcher.register("ExecuteTransaction", new ExecuteTransaction(storage));
        dispatcher.register("TagResource", new TagResource(storage));
        dispatcher.register("UntagResource", new UntagResource(storage));
        dispatcher.register("ListTagsOfResource", new ListTagsOfResource(storage));
        dispatcher.register("UpdateTimeToLive", new UpdateTimeToLive(storage));
        dispatcher.register("DescribeTimeToLive", new DescribeTimeToLive(storage));
        dispatcher.register("DescribeContinuousBackups", Backups.describeContinuousBackups(storage));
        dispatcher.register("ListBackups", Backups.listBackups());
        dispatcher.register("DescribeKinesisStreamingDestination",
                Insights.describeKinesisStreamingDestination(storage));
        dispatcher.register("DescribeContributorInsights", Insights.describeContributorInsights(storage));
        dispatcher.register("DescribeEndpoints", new DescribeEndpoints());
        dispatcher.register("DescribeLimits", new DescribeLimits());
    }

    /** The DynamoDB Streams operations, on the same endpoint ({@code DynamoDBStreams_20120810.<name>}). */
    public static void registerStreams(Dispatcher dispatcher, Storage storage, StreamStore streams) {
        ShardIterators iterators = new ShardIterators(streams);
        dispatcher.registerStreams("ListStreams", new ListStreams(storage, streams));
        dispatcher.registerStreams("DescribeStream", new DescribeStream(streams));
        dispatcher.registerStreams("GetShardIterator", new GetShardIterator(iterators));
        dispatcher.registerStreams("GetRecords", new GetRecords(iterators));
    }
}
