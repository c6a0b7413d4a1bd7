package io.dynamokit.runtime.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * DynamoKit's mapper for DynamoDB failures, registered for each exception type whose kind is switched on; an
 * application's own mapper for the same type takes precedence (it has a higher priority).
 */
public class DynamoExceptionMapper implements ExceptionMapper<RuntimeException> {

    @Inject
    ProblemResponses problems;

    @Override
    public Response toResponse(RuntimeException exception) {
        return problems.toResponse(exception);
    }
}
