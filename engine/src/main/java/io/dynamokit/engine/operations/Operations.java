package io.dynamokit.engine.operations;

import io.dynamokit.engine.protocol.Dispatcher;
import io.dynamokit.engine.storage.Storage;

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
}
