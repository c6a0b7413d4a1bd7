package io.dynamokit.runtime.http;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.jboss.resteasy.reactive.common.model.ResourceExceptionMapper;
import org.jboss.resteasy.reactive.server.core.RuntimeExceptionMapper;
import org.jboss.resteasy.reactive.server.spi.AsyncExceptionMapperContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveAsyncExceptionMapper;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveExceptionMapper;

import io.dynamokit.http.FailureKind;

/**
 * DynamoKit's mapper for DynamoDB failures, registered for the exception types of the kinds switched on, with the
 * lowest priority there is, so that an application's own mapper for the same type wins.
 * <p>
 * Some types are registered for several kinds ({@code DynamoDbException} can be throttling, unavailability or any
 * other failure). A failure of a kind switched off is handed on as if DynamoKit had no mapper for it: to the
 * application's mapper for the nearest supertype, else to Quarkus' own handling of unmapped exceptions. Quarkus REST
 * has no way for a mapper to decline, so the next mapper is looked up in its registry; it is asynchronous so that it
 * can hand on to any kind of mapper.
 */
public class DynamoExceptionMapper implements ResteasyReactiveAsyncExceptionMapper<RuntimeException> {

    @Inject
    ProblemResponses problems;

    @Override
    public void asyncResponse(RuntimeException exception, AsyncExceptionMapperContext context) {
        FailureKind kind = problems.answeredKind(exception);
        if (kind != null) {
            context.setResponse(problems.toResponse(exception, kind));
        } else {
            handOn(exception, context);
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static void handOn(RuntimeException exception, AsyncExceptionMapperContext context) {
        ExceptionMapper next = nextMapper(exception.getClass());
        if (next == null) {
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

    private static ExceptionMapper<?> nextMapper(Class<?> failureType) {
        Map<Class<? extends Throwable>, ResourceExceptionMapper<? extends Throwable>> mappers = RuntimeExceptionMapper
                .getMappers();
        for (Class<?> type = failureType; type != null; type = type.getSuperclass()) {
            ResourceExceptionMapper<? extends Throwable> mapper = mappers.get(type);
            if (mapper != null && !DynamoExceptionMapper.class.getName().equals(mapper.getClassName())) {
                return mapper.getFactory().createInstance().getInstance();
            }
        }
        return null;
    }
}
