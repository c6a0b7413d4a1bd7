package io.dynamokit.runtime.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.spi.AsyncExceptionMapperContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveAsyncExceptionMapper;

/**
 * Quarkus REST reports a JSON body Jackson cannot parse or bind as a {@code WebApplicationException} (400, no body)
 * caused by Jackson's exception: this answers it with a problem naming what was wrong. Every other
 * {@code WebApplicationException} (the application's own {@code NotFoundException}, ...) is handed on untouched.
 */
public class UnreadableBodyMapper implements ResteasyReactiveAsyncExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(UnreadableBodyMapper.class);

    @Override
    public void asyncResponse(WebApplicationException exception, AsyncExceptionMapperContext context) {
        Response problem = exception.getClass() == WebApplicationException.class
                && exception.getResponse().getStatus() == 400 ? JsonBodyProblems.of(exception.getCause()) : null;
        if (problem == null) {
            NextMapper.handOn(exception, context);
            return;
        }
        LOG.debugf("Request body refused with 400: %s", exception.getCause());
        context.setResponse(problem);
    }
}
