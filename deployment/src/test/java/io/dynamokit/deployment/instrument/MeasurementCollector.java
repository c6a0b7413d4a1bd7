package io.dynamokit.deployment.instrument;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.dynamokit.instrument.DynamoFailure;
import io.dynamokit.instrument.DynamoMeasurement;

/**
 * An observer keeping what it receives, for the tests to look at.
 */
@ApplicationScoped
public class MeasurementCollector {

    private final List<DynamoMeasurement> measurements = new CopyOnWriteArrayList<>();
    private final List<DynamoFailure> failures = new CopyOnWriteArrayList<>();

    List<DynamoMeasurement> measurements() {
        return List.copyOf(measurements);
    }

    List<DynamoFailure> failures() {
        return List.copyOf(failures);
    }

    void measured(@Observes DynamoMeasurement measurement) {
        measurements.add(measurement);
    }

    void failed(@Observes DynamoFailure failure) {
        failures.add(failure);
    }

    void clear() {
        measurements.clear();
        failures.clear();
    }
}
