package io.dynamokit.runtime.instrument;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.dynamokit.instrument.DynamoFailure;
import io.dynamokit.instrument.DynamoMeasurement;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Records measurements as Micrometer meters, with low-cardinality tags only (never the correlation id):
 * <ul>
 * <li>{@code dynamokit.dynamodb.attempts}, a timer of attempts by operation, table, outcome and status;</li>
 * <li>{@code dynamokit.dynamodb.consumed.capacity}, a counter of capacity units by operation and table;</li>
 * <li>{@code dynamokit.dynamodb.failures}, a counter of requests that failed for good by operation, table and
 * outcome.</li>
 * </ul>
 * Registered only when the application has Quarkus Micrometer.
 */
@ApplicationScoped
public class MicrometerMeasurements {

    @Inject
    MeterRegistry registry;

    public MicrometerMeasurements() {
    }

    /** For use outside CDI (the overhead benchmark records into a registry of its own). */
    public MicrometerMeasurements(MeterRegistry registry) {
        this.registry = registry;
    }

    void measured(@Observes DynamoMeasurement measurement) {
        record(measurement);
    }

    public void record(DynamoMeasurement measurement) {
        Tags tags = Tags.of("operation", measurement.operation(), "table", table(measurement.tableNames()),
                "service", measurement.service(), "environment", measurement.environment());
        Timer.builder("dynamokit.dynamodb.attempts")
                .description("DynamoDB request attempts made in instrumented code")
                .tags(tags)
                .tag("outcome", measurement.outcome().name().toLowerCase())
                .tag("status", String.valueOf(measurement.httpStatus()))
                .register(registry)
                .record(measurement.duration());
        if (measurement.consumedCapacity() != null) {
            registry.counter("dynamokit.dynamodb.consumed.capacity", tags).increment(measurement.consumedCapacity());
        }
    }

    void failed(@Observes DynamoFailure failure) {
        registry.counter("dynamokit.dynamodb.failures", Tags.of("operation", failure.operation(),
                "table", table(failure.tableNames()), "outcome", failure.outcome() == null ? "unknown"
                        : failure.outcome().name().toLowerCase(),
                "service", failure.service(), "environment", failure.environment())).increment();
    }

    private static String table(List<String> tables) {
        if (tables.isEmpty()) {
            return "none";
        }
        return tables.size() == 1 ? tables.get(0) : "multiple";
    }
}
