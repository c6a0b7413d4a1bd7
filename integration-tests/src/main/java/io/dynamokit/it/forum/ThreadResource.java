package io.dynamokit.it.forum;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The forum API over the {@code Thread} table.
 */
@Path("/forums/{forumName}/threads")
@Produces(MediaType.APPLICATION_JSON)
public class ThreadResource {

    @Inject
    DynamoDbClient dynamo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("forumName") String forumName, @Valid @NotNull ForumThread thread) {
        String postedAt = thread.lastPostDateTime() != null ? thread.lastPostDateTime() : Instant.now().toString();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("ForumName", AttributeValue.fromS(forumName));
        item.put("Subject", AttributeValue.fromS(thread.subject()));
        item.put("Message", AttributeValue.fromS(thread.message()));
        item.put("LastPostedBy", AttributeValue.fromS(thread.lastPostedBy()));
        item.put("LastPostDateTime", AttributeValue.fromS(postedAt));
        item.put("Replies", AttributeValue.fromN(Long.toString(thread.replies())));
        if (thread.tags() != null && !thread.tags().isEmpty()) {
            item.put("Tags", AttributeValue.fromSs(thread.tags()));
        }
        try {
            dynamo.putItem(b -> b.tableName(ThreadTable.NAME).item(item)
                    .conditionExpression("attribute_not_exists(Subject)"));
        } catch (ConditionalCheckFailedException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Map.of("error", "A thread with this subject already exists in " + forumName))
                    .build();
        }
        URI location = UriBuilder.fromResource(ThreadResource.class).path(thread.subject()).build(forumName);
        return Response.created(location).entity(toThread(item)).build();
    }

    @GET
    @Path("{subject}")
    public ForumThread get(@PathParam("forumName") String forumName, @PathParam("subject") String subject) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(ThreadTable.NAME).consistentRead(true)
                .key(Map.of("ForumName", AttributeValue.fromS(forumName), "Subject", AttributeValue.fromS(subject))))
                .item();
        if (item == null || item.isEmpty()) {
            throw new NotFoundException("No thread '" + subject + "' in forum '" + forumName + "'");
        }
        return toThread(item);
    }

    @GET
    public List<ForumThread> list(@PathParam("forumName") String forumName) {
        QueryRequest query = QueryRequest.builder().tableName(ThreadTable.NAME)
                .keyConditionExpression("ForumName = :forum")
                .expressionAttributeValues(Map.of(":forum", AttributeValue.fromS(forumName)))
                .build();
        List<ForumThread> threads = new ArrayList<>();
        dynamo.queryPaginator(query).items().forEach(item -> threads.add(toThread(item)));
        return threads;
    }

    static ForumThread toThread(Map<String, AttributeValue> item) {
        AttributeValue tags = item.get("Tags");
        return new ForumThread(
                item.get("ForumName").s(),
                item.get("Subject").s(),
                item.get("Message").s(),
                item.get("LastPostedBy").s(),
                item.get("LastPostDateTime").s(),
                tags == null ? List.of() : tags.ss().stream().sorted().toList(),
                Long.parseLong(item.get("Replies").n()));
    }
}
