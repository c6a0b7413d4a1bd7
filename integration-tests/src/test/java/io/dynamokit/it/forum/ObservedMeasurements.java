package io.dynamokit.it.forum;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.dynamokit.instrument.DynamoMeasurement;

/**
 * A CDI observer that keeps every measurement of the test run.
 */
@ApplicationScoped
public class ObservedMeasurements {

    private final ConcurrentLinkedQueue<DynamoMeasurement> measurements = new ConcurrentLinkedQueue<>();

    void measured(@Observes DynamoMeasurement measurement) {
        measurements.add(measurement);
    }

    public List<DynamoMeasurement> measurements() {
        return List.copyOf(measurements);
    }
}
