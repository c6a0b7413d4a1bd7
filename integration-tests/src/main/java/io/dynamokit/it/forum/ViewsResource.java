package io.dynamokit.it.forum;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.GetOptions;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.document.WriteOptions;
import io.dynamokit.instrument.DynamoInstrumented;
import io.dynamokit.table.TableManager;
import io.smallrye.mutiny.Uni;

/**
 * Counts the views of a thread: one update and one read per request, blocking or reactive.
 */
@Path("/forums/{forumName}/threads/{subject}/views")
@Produces(MediaType.APPLICATION_JSON)
@DynamoInstrumented
public class ViewsResource {

    /** The view count after this view. */
    public record Views(String subject, long views) {
    }

    @Inject
    DocumentClient documents;

    @Inject
    ReactiveDocumentClient reactive;

    @Inject
    TableManager tables;

    @POST
    public Views view(@PathParam("forumName") String forumName, @PathParam("subject") String subject) {
        Map<String, Object> key = Map.of("ForumName", forumName, "Subject", subject);
        String table = tables.tableName(ThreadTable.NAME);
        documents.updateItem(table, key, "ADD #views :one",
                WriteOptions.when("attribute_exists(Subject)").name("#views", "Views").value(":one", 1));
        return views(subject, documents.getItemOrThrow(table, key, GetOptions.consistent()));
    }

    @POST
    @Path("reactive")
    public Uni<Views> viewReactive(@PathParam("forumName") String forumName, @PathParam("subject") String subject) {
        Map<String, Object> key = Map.of("ForumName", forumName, "Subject", subject);
        String table = tables.tableName(ThreadTable.NAME);
        return reactive.updateItem(table, key, "ADD #views :one",
                WriteOptions.when("attribute_exists(Subject)").name("#views", "Views").value(":one", 1))
                .chain(updated -> reactive.getItemOrThrow(table, key, GetOptions.consistent()))
                .map(item -> views(subject, item));
    }

    private static Views views(String subject, Map<String, Object> item) {
        Object views = item.get("Views");
        return new Views(subject, views == null ? 0 : ((Number) views).longValue());
    }
}
