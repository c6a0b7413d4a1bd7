package io.dynamokit.runtime.instrument;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.dynamokit.instrument.DynamoFailure;
import io.dynamokit.instrument.DynamoMeasurement;
import io.dynamokit.instrument.DynamoMeasurement.Outcome;
import io.micrometer.core.instrument.Counter;
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

    private final Map<MeterKey, Timer> timers = new ConcurrentHashMap<>();
    private final Map<MeterKey, Counter> capacity = new ConcurrentHashMap<>();

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
        String table = table(measurement.tableNames());
        MeterKey key = new MeterKey(measurement.operation(), table, measurement.service(), measurement.environment(),
                measurement.outcome(), measurement.httpStatus());
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> Timer.builder("dynamokit.dynamodb.attempts")
                    .description("DynamoDB request attempts made in instrumented code")
                    .tags(tags(k))
                    .tag("outcome", k.outcome().name().toLowerCase(Locale.ROOT))
                    .tag("status", String.valueOf(k.status()))
                    .register(registry));
        }
        timer.record(measurement.duration());
        if (measurement.consumedCapacity() != null) {
            MeterKey capacityKey = new MeterKey(key.operation(), table, key.service(), key.environment(), null, 0);
            Counter counter = capacity.get(capacityKey);
            if (counter == null) {
                counter = capacity.computeIfAbsent(capacityKey,
                        k -> registry.counter("dynamokit.dynamodb.consumed.capacity", tags(k)));
            }
            counter.increment(measurement.consumedCapacity());
        }
    }

    private static Tags tags(MeterKey key) {
        return Tags.of("operation", key.operation(), "table", key.table(), "service", key.service(), "environment",
                key.environment());
    }

    /**
     * What tells one meter from another: its tags. The meters are kept by it, so that recording a measurement is a
     * map lookup, not a registration (tag sorting and the registry's own lookup) per attempt.
     */
    private record MeterKey(String operation, String table, String service, String environment, Outcome outcome,
            int status) {
    }

    void failed(@Observes DynamoFailure failure) {
        registry.counter("dynamokit.dynamodb.failures", Tags.of("operation", failure.operation(),
                "table", table(failure.tableNames()), "outcome", failure.outcome() == null ? "unknown"
                        : failure.outcome().name().toLowerCase(Locale.ROOT),
                "service", failure.service(), "environment", failure.environment())).increment();
    }

    private static String table(List<String> tables) {
        if (tables.isEmpty()) {
            return "none";
        }
        return tables.size() == 1 ? tables.get(0) : "multiple";
    }
}
