package io.dynamokit.it.forum;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.configstore.ConfigStoreName;
import io.dynamokit.instrument.DynamoInstrumented;

/**
 * The forum's feature flags, kept in the {@code flags} config store: read an option, replace it. The option's version
 * is its entity tag; a {@code PUT} with {@code If-Match} writes only if nobody changed the option since (409 if they
 * did). Missing options are 404 and conflicts 409 through DynamoKit's exception mappers.
 */
@Path("/config/{option}")
@DynamoInstrumented
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {

    @Inject
    @ConfigStoreName("flags")
    ConfigStore flags;

    @GET
    public Response get(@PathParam("option") String option) {
        ConfigOption current = flags.option(option);
        return Response.ok(current.values()).tag(tag(current)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("option") String option, @HeaderParam("If-Match") String ifMatch,
            Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            throw new BadRequestException("The body must be a JSON object of the option's values, such as "
                    + "{\"enabled\": true}");
        }
        ConfigOption written;
        if (ifMatch == null) {
            written = flags.set(option, values);
        } else {
            written = flags.set(new ConfigOption(option, Map.of(), version(ifMatch)), values);
        }
        return Response.ok(written.values()).tag(tag(written)).build();
    }

    private static EntityTag tag(ConfigOption option) {
        return new EntityTag(Long.toString(option.version()));
    }

    private static long version(String ifMatch) {
        String tag = ifMatch.trim();
        if (tag.startsWith("\"") && tag.endsWith("\"") && tag.length() > 2) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new BadRequestException("If-Match: expected the ETag of a GET of this option, such as \"3\"");
        }
    }
}
