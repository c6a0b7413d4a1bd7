package io.dynamokit.runtime.http;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveExceptionMapper;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

/**
 * 415 as a problem naming the content type sent and those the endpoint accepts ({@code accepted}).
 * <p>
 * Quarkus REST refuses a content type while it routes the request, before the resource method is the request's target,
 * and its exception does not say what the method accepts: the method is looked up again through the same routing
 * tables (on this failure path only). A singleton bean, so that those tables are built once per application start,
 * on the first 415.
 */
@Singleton
public class UnsupportedMediaTypeMapper implements ResteasyReactiveExceptionMapper<NotSupportedException> {

    static final String TYPE = "urn:dynamokit:problem:unsupported-media-type";
    private static final Logger LOG = Logger.getLogger(UnsupportedMediaTypeMapper.class);

    private volatile RoutingTables tables;

    @Override
    public Response toResponse(NotSupportedException exception) {
        return toResponse(null, List.of());
    }

    @Override
    public Response toResponse(NotSupportedException exception, ServerRequestContext context) {
        if (!(context instanceof ResteasyReactiveRequestContext request)) {
            return toResponse(null, List.of());
        }
        Object header = request.getHeader(HttpHeaders.CONTENT_TYPE, true);
        List<String> accepted = new ArrayList<>();
        for (MediaType type : consumes(request)) {
            accepted.add(type.toString());
        }
        return toResponse(header == null ? null : header.toString(), accepted);
    }

    private static Response toResponse(String contentType, List<String> accepted) {
        String detail = contentType == null ? "The request has a body but no Content-Type"
                : "Content-Type '" + contentType + "' is not accepted here";
        if (!accepted.isEmpty()) {
            detail += "; send " + (accepted.size() == 1 ? "" : "one of ") + String.join(", ", accepted);
        }
        LOG.debugf("Request refused with 415: %s", detail);
        return new ProblemJson(TYPE, "Unsupported Media Type", 415, detail)
                .string("contentType", contentType).strings("accepted", accepted).response().build();
    }

    private List<MediaType> consumes(ResteasyReactiveRequestContext request) {
        RuntimeResource target = request.getTarget();
        if (target == null) {
            target = routedTarget(request);
        }
        return target == null ? List.of() : target.getConsumes();
    }

    private RuntimeResource routedTarget(ResteasyReactiveRequestContext request) {
        Deployment deployment = request.getDeployment();
        RoutingTables current = tables;
        if (current == null || current.deployment != deployment) {
            // one deployment per application start; a dev mode restart brings a new one
            current = new RoutingTables(deployment, new RequestMapper<>(deployment.getClassMappers()));
            tables = current;
        }
        RequestMapper.RequestMatch<RestInitialHandler.InitialMatch> byClass = current.classes
                .map(request.getPathWithoutPrefix());
        if (byClass == null) {
            return null;
        }
        for (ServerRestHandler handler : byClass.value.handlers) {
            if (handler instanceof ClassRoutingHandler routing) {
                RequestMapper<RuntimeResource> byMethod = routing.getMappers().get(request.getMethod());
                if (byMethod == null) {
                    return null;
                }
                String remaining = byClass.remaining.isEmpty() ? "/" : byClass.remaining;
                RequestMapper.RequestMatch<RuntimeResource> match = byMethod.map(remaining);
                return match == null ? null : match.value;
            }
        }
        return null;
    }

    private record RoutingTables(Deployment deployment, RequestMapper<RestInitialHandler.InitialMatch> classes) {
    }
}
