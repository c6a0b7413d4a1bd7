package org.acme.notes;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.dynamokit.document.DocumentClient;

/** Notes kept in the DynamoDB table {@code Note}, one item per note: {@code id} and {@code text}. */
@Path("/notes/{id}")
public class NoteResource {

    static final String TABLE = "Note";

    @Inject
    DocumentClient documents;

    @PUT
    @Consumes(MediaType.TEXT_PLAIN)
    public void put(@PathParam("id") String id, String text) {
        documents.putItem(TABLE, Map.of("id", id, "text", text));
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String get(@PathParam("id") String id) {
        return documents.getItem(TABLE, Map.of("id", id))
                .map(item -> (String) item.get("text"))
                .orElseThrow(() -> new NotFoundException("no note " + id));
    }
}
