package io.dynamokit.runtime.http;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.jboss.resteasy.reactive.common.model.ResourceExceptionMapper;
import org.jboss.resteasy.reactive.server.core.RuntimeExceptionMapper;
import org.jboss.resteasy.reactive.server.spi.AsyncExceptionMapperContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveAsyncExceptionMapper;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveExceptionMapper;

/**
 * Hands a failure one of DynamoKit's mappers leaves alone to the mapper Quarkus REST would have chosen without
 * DynamoKit's: the application's mapper for the nearest supertype, else Quarkus' own handling. Quarkus REST has no way
 * for a mapper to decline, so the next mapper is looked up in its registry.
 */
final class NextMapper {

    private static final String OURS = NextMapper.class.getPackageName() + ".";

    private NextMapper() {
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    static void handOn(RuntimeException exception, AsyncExceptionMapperContext context) {
        ExceptionMapper next = find(exception.getClass());
        if (next == null) {
            if (exception instanceof WebApplicationException web) {
                // what Quarkus REST answers an unmapped WebApplicationException with
                context.setResponse(web.getResponse());
                return;
            }
            // what Quarkus REST does with an exception no mapper handles: it leaves it to Quarkus' error handler
            throw exception;
        }
        if (next instanceof ResteasyReactiveAsyncExceptionMapper async) {
            async.asyncResponse(exception, context);
        } else if (next instanceof ResteasyReactiveExceptionMapper withContext) {
            context.setResponse(withContext.toResponse(exception, context.serverRequestContext()));
        } else {
            context.setResponse(next.toResponse(exception));
        }
    }

    private static ExceptionMapper<?> find(Class<?> failureType) {
        Map<Class<? extends Throwable>, ResourceExceptionMapper<? extends Throwable>> mappers = RuntimeExceptionMapper
                .getMappers();
        for (Class<?> type = failureType; type != null; type = type.getSuperclass()) {
            ResourceExceptionMapper<? extends Throwable> mapper = mappers.get(type);
            if (mapper != null && !mapper.getClassName().startsWith(OURS)) {
                return mapper.getFactory().createInstance().getInstance();
            }
        }
        return null;
    }
}
