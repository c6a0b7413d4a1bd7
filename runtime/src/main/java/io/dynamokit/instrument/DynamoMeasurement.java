package io.dynamokit.instrument;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One attempt of one DynamoDB request made inside a {@link DynamoInstrumented} method, as CDI observers receive it.
 *
 * @param operation the DynamoDB operation, e.g. {@code PutItem}
 * @param tableNames the tables the request names (several for batch and transaction calls)
 * @param attempt the attempt number, from 1; retries have higher numbers
 * @param duration how long the attempt took, from sending the request to receiving the answer (or failing)
 * @param httpStatus the HTTP status of DynamoDB's answer, or 0 when there was none (timeout, I/O error)
 * @param outcome what became of the attempt
 * @param errorCode DynamoDB's error code ({@code ProvisionedThroughputExceededException}, ...), or null on success
 * @param consumedCapacity capacity units DynamoDB reports as consumed, or null when it reports none
 * @param service the application ({@code quarkus.application.name})
 * @param environment the environment (the profile, or {@code quarkus.dynamokit.instrumentation.environment})
 * @param correlationId the correlation id of the request or invocation
 * @param method the instrumented method, {@code Class#method}
 */
public record DynamoMeasurement(String operation, List<String> tableNames, int attempt, Duration duration,
        int httpStatus, Outcome outcome, String errorCode, Double consumedCapacity, String service,
        String environment, String correlationId, String method) {

    /** What became of an attempt. */
    public enum Outcome {
        SUCCESS,
        THROTTLED,
        SERVER_ERROR,
        CLIENT_ERROR,
        TIMEOUT,
        IO
    }

    public DynamoMeasurement {
        tableNames = List.copyOf(tableNames);
    }

    public Optional<String> errorCodeValue() {
        return Optional.ofNullable(errorCode);
    }

    public OptionalDouble consumedCapacityValue() {
        return consumedCapacity == null ? OptionalDouble.empty() : OptionalDouble.of(consumedCapacity);
    }
}
