package io.dynamokit.it.forum;

import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.dynamokit.document.ItemNotFoundException;

/**
 * A thread that does not exist is a 404.
 */
@Provider
public class ItemNotFoundMapper implements ExceptionMapper<ItemNotFoundException> {

    @Override
    public Response toResponse(ItemNotFoundException exception) {
        return Response.status(Response.Status.NOT_FOUND)
                .entity(Map.of("error", "Not found in " + exception.tableName()))
                .build();
    }
}
