package io.dynamokit.runtime.http;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.spi.AsyncExceptionMapperContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveAsyncExceptionMapper;

import io.dynamokit.http.FailureKind;

/**
 * DynamoKit's mapper for DynamoDB failures, registered for the exception types of the kinds switched on, with the
 * lowest priority there is, so that an application's own mapper for the same type wins.
 * <p>
 * Some types are registered for several kinds ({@code DynamoDbException} can be throttling, unavailability or any
 * other failure). A failure of a kind switched off is handed on as if DynamoKit had no mapper for it (see
 * {@link NextMapper}); the mapper is asynchronous so that it can hand on to any kind of mapper.
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
            NextMapper.handOn(exception, context);
        }
    }
}
