package io.dynamokit.instrument;

import java.util.List;

/**
 * A DynamoDB request made inside a {@link DynamoInstrumented} method failed for good: not retryable, or out of
 * retries. Delivered to CDI observers once per request, after the measurements of its attempts.
 *
 * @param operation the DynamoDB operation
 * @param tableNames the tables the request names
 * @param attempts how many attempts were made
 * @param failure the exception the caller receives
 * @param outcome the outcome of the last attempt
 * @param errorCode DynamoDB's error code of the last attempt, or null
 * @param service the application
 * @param environment the environment
 * @param correlationId the correlation id of the request or invocation
 * @param method the instrumented method, {@code Class#method}
 */
public record DynamoFailure(String operation, List<String> tableNames, int attempts, Throwable failure,
        DynamoMeasurement.Outcome outcome, String errorCode, String service, String environment,
        String correlationId, String method) {

    public DynamoFailure {
        tableNames = List.copyOf(tableNames);
    }
}
