package io.dynamokit.runtime.instrument;

import jakarta.enterprise.event.Event;

import io.dynamokit.instrument.DynamoFailure;
import io.dynamokit.instrument.DynamoMeasurement;
import io.quarkus.arc.Arc;

/**
 * Delivers measurements and failures to CDI observers (and so to Micrometer), with the application's tags.
 */
public final class MeasurementSink {

    private final String service;
    private final String environment;
    private volatile Event<DynamoMeasurement> measurements;
    private volatile Event<DynamoFailure> failures;

    public MeasurementSink(String service, String environment) {
        this.service = service;
        this.environment = environment;
    }

    String service() {
        return service;
    }

    String environment() {
        return environment;
    }

    void measured(DynamoMeasurement measurement) {
        Event<DynamoMeasurement> event = measurements;
        if (event == null) {
            event = Arc.container().beanManager().getEvent().select(DynamoMeasurement.class);
            measurements = event;
        }
        event.fire(measurement);
    }

    void failed(DynamoFailure failure) {
        Event<DynamoFailure> event = failures;
        if (event == null) {
            event = Arc.container().beanManager().getEvent().select(DynamoFailure.class);
            failures = event;
        }
        event.fire(failure);
    }
}
