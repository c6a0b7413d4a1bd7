package io.dynamokit.deployment.instrument;

import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.dynamokit.instrument.DynamoInstrumented;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Path("/attribution")
public class AttributionResource {

    @Inject
    DynamoDbClient client;

    @Inject
    DynamoDbAsyncClient asyncClient;

    @Inject
    InstrumentedWorker worker;

    @Inject
    AsyncInstrumentedWorker asyncWorker;

    @GET
    @Path("setup")
    public String setup() {
        asyncWorker.createTable();
        return "ok";
    }

    /** Not annotated: only the instrumented bean's request is measured, not the one made after it returned. */
    @GET
    @Path("after-instrumented-bean")
    public String afterInstrumentedBean() {
        worker.listTables();
        client.describeTable(b -> b.tableName(AsyncInstrumentedWorker.TABLE));
        return "ok";
    }

    /** The bean's request is credited to the bean, the requests around it to this method. */
    @GET
    @Path("nested")
    @DynamoInstrumented
    public String nested() {
        client.describeTable(b -> b.tableName(AsyncInstrumentedWorker.TABLE));
        worker.listTables();
        client.describeTable(b -> b.tableName(AsyncInstrumentedWorker.TABLE));
        return "ok";
    }

    /** The second request starts in the continuation of the first, on the thread that completes it. */
    @GET
    @Path("completion-stage")
    @DynamoInstrumented
    public CompletionStage<String> completionStage() {
        return asyncClient.putItem(b -> b.tableName(AsyncInstrumentedWorker.TABLE)
                .item(AsyncInstrumentedWorker.key("http-stage")))
                .thenCompose(put -> asyncClient.getItem(b -> b.tableName(AsyncInstrumentedWorker.TABLE)
                        .key(AsyncInstrumentedWorker.key("http-stage"))))
                .thenApply(item -> item.hasItem() ? "found" : "missing");
    }
}
