package io.dynamokit.deployment.http;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Echoes a JSON body, so that only reading it can fail. */
@Path("/bodies")
public class BodyResource {

    public record Order(String item, int quantity, List<String> tags) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Order echo(Order order) {
        return order;
    }

    @GET
    @Path("missing")
    public String missing() {
        throw new NotFoundException("nothing here");
    }
}
