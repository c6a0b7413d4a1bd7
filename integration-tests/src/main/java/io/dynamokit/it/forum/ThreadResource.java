package io.dynamokit.it.forum;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import io.dynamokit.document.BatchGet;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.GetOptions;
import io.dynamokit.document.Page;
import io.dynamokit.document.Query;
import io.dynamokit.document.WriteOptions;
import io.dynamokit.instrument.DynamoInstrumented;
import io.dynamokit.table.TableManager;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The forum API over the {@code Thread} table, with the document client: plain Java values in and out.
 */
@Path("/forums/{forumName}/threads")
@DynamoInstrumented
@Produces(MediaType.APPLICATION_JSON)
public class ThreadResource {

    /** A page of threads, most recently posted first, and the token of the next page (null on the last one). */
    public record ThreadPage(List<ForumThread> threads, String next) {
    }

    /** What an edit may change. */
    public record ThreadEdit(@NotBlank String message, @NotBlank String lastPostedBy) {
    }

    @Inject
    DocumentClient documents;

    @Inject
    ForumFlags flags;

    @Inject
    TableManager tables;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("forumName") String forumName, @Valid @NotNull ForumThread thread) {
        if (!flags.postingEnabled()) {
            return Response.status(Response.Status.FORBIDDEN)
                    .entity(Map.of("error", "Posting new threads is switched off (config option posting, key enabled)"))
                    .build();
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("ForumName", forumName);
        item.put("Subject", thread.subject());
        item.put("Message", thread.message());
        item.put("LastPostedBy", thread.lastPostedBy());
        item.put("LastPostDateTime", thread.lastPostDateTime() != null ? thread.lastPostDateTime() : Instant.now().toString());
        item.put("Replies", thread.replies());
        if (thread.tags() != null && !thread.tags().isEmpty()) {
            item.put("Tags", Set.copyOf(thread.tags()));
        }
        try {
            documents.putItem(threadTable(), item, WriteOptions.when("attribute_not_exists(Subject)"));
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
        return toThread(documents.getItemOrThrow(threadTable(), key(forumName, subject), GetOptions.consistent()));
    }

    /** Edits a thread that exists: the condition keeps an edit from creating one. */
    @PUT
    @Path("{subject}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ForumThread edit(@PathParam("forumName") String forumName, @PathParam("subject") String subject,
            @Valid @NotNull ThreadEdit edit) {
        try {
            return toThread(documents.updateItem(threadTable(), key(forumName, subject),
                    "SET Message = :message, LastPostedBy = :by, LastPostDateTime = :at, Replies = Replies + :one",
                    WriteOptions.when("attribute_exists(Subject)")
                            .value(":message", edit.message()).value(":by", edit.lastPostedBy())
                            .value(":at", Instant.now().toString()).value(":one", 1)
                            .returnValues(ReturnValue.ALL_NEW))
                    .orElseThrow());
        } catch (ConditionalCheckFailedException e) {
            throw new NotFoundException("No thread '" + subject + "' in forum '" + forumName + "'");
        }
    }

    @DELETE
    @Path("{subject}")
    public Response delete(@PathParam("forumName") String forumName, @PathParam("subject") String subject) {
        Optional<Map<String, Object>> deleted = documents.deleteItem(threadTable(), key(forumName, subject),
                WriteOptions.returning(ReturnValue.ALL_OLD));
        if (deleted.isEmpty()) {
            throw new NotFoundException("No thread '" + subject + "' in forum '" + forumName + "'");
        }
        return Response.noContent().build();
    }

    /**
     * One page of the forum's threads, most recently posted first: a page of keys from the {@code LastPostIndex}
     * local index (which projects keys only), then the threads themselves in one batch read.
     */
    @GET
    public ThreadPage list(@PathParam("forumName") String forumName,
            @QueryParam("pageSize") @DefaultValue("20") @Min(1) @Max(100) int pageSize,
            @QueryParam("after") String after) {
        String table = threadTable();
        Query query = Query.on(table).index(ThreadTable.LAST_POST_INDEX)
                .keyCondition("ForumName = :forum").value(":forum", forumName)
                .descending().limit(pageSize);
        if (after != null) {
            query = query.startKey(decode(after, forumName));
        }
        Page page = documents.queryPage(query);
        List<ForumThread> threads = new ArrayList<>(page.items().size());
        if (!page.items().isEmpty()) {
            BatchGet.Builder keys = BatchGet.builder();
            for (Map<String, Object> indexEntry : page.items()) {
                keys.key(table, key(forumName, (String) indexEntry.get("Subject")));
            }
            Map<String, ForumThread> bySubject = new LinkedHashMap<>();
            for (Map<String, Object> item : documents.batchGetItem(keys.build()).get(table)) {
                bySubject.put((String) item.get("Subject"), toThread(item));
            }
            for (Map<String, Object> indexEntry : page.items()) {
                ForumThread thread = bySubject.get(indexEntry.get("Subject"));
                if (thread != null) {
                    threads.add(thread);
                }
            }
        }
        return new ThreadPage(threads, page.lastEvaluatedKey().map(ThreadResource::encode).orElse(null));
    }

    /** The table's name in DynamoDB: with quarkus.dynamokit.table-name-prefix and -suffix, when set. */
    private String threadTable() {
        return tables.tableName(ThreadTable.NAME);
    }

    private static Map<String, Object> key(String forumName, String subject) {
        return Map.of("ForumName", forumName, "Subject", subject);
    }

    /** The next-page token: the index key where the page ended (subject and post time; the forum is in the path). */
    private static String encode(Map<String, Object> lastKey) {
        return base64((String) lastKey.get("Subject")) + "." + base64((String) lastKey.get("LastPostDateTime"));
    }

    private static Map<String, Object> decode(String token, String forumName) {
        int dot = token.indexOf('.');
        try {
            if (dot > 0) {
                return Map.of("ForumName", forumName, "Subject", unbase64(token.substring(0, dot)),
                        "LastPostDateTime", unbase64(token.substring(dot + 1)));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new BadRequestException("after: not a page token of this API; use the 'next' of the previous page");
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unbase64(String text) {
        return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static ForumThread toThread(Map<String, Object> item) {
        Object tags = item.get("Tags");
        return new ForumThread(
                (String) item.get("ForumName"),
                (String) item.get("Subject"),
                (String) item.get("Message"),
                (String) item.get("LastPostedBy"),
                (String) item.get("LastPostDateTime"),
                tags == null ? List.of() : ((Set<String>) tags).stream().sorted().toList(),
                ((Number) item.get("Replies")).longValue());
    }
}
