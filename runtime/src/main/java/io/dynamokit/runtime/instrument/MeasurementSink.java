package io.dynamokit.runtime.instrument;

import java.util.function.Consumer;

import jakarta.enterprise.event.Event;

import io.dynamokit.instrument.DynamoFailure;
import io.dynamokit.instrument.DynamoMeasurement;
import io.quarkus.arc.Arc;

/**
 * Where measurements and failures go, with the application's tags: in an application, CDI observers (and so
 * Micrometer).
 */
public final class MeasurementSink {

    private final String service;
    private final String environment;
    private final Consumer<DynamoMeasurement> measurements;
    private final Consumer<DynamoFailure> failures;

    public MeasurementSink(String service, String environment, Consumer<DynamoMeasurement> measurements,
            Consumer<DynamoFailure> failures) {
        this.service = service;
        this.environment = environment;
        this.measurements = measurements;
        this.failures = failures;
    }

    /** A sink firing CDI events, looked up once on first use. */
    public static MeasurementSink toCdiObservers(String service, String environment) {
        return new MeasurementSink(service, environment, new CdiEvent<>(DynamoMeasurement.class),
                new CdiEvent<>(DynamoFailure.class));
    }

    String service() {
        return service;
    }

    String environment() {
        return environment;
    }

    void measured(DynamoMeasurement measurement) {
        measurements.accept(measurement);
    }

    void failed(DynamoFailure failure) {
        failures.accept(failure);
    }

    private static final class CdiEvent<T> implements Consumer<T> {

        private final Class<T> type;
        private volatile Event<T> event;

        CdiEvent(Class<T> type) {
            this.type = type;
        }

        @Override
        public void accept(T payload) {
            Event<T> current = event;
            if (current == null) {
                current = Arc.container().beanManager().getEvent().select(type);
                event = current;
            }
            current.fire(payload);
        }
    }
}
