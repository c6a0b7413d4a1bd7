package io.dynamokit.deployment.document;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.dynamokit.instrument.DynamoMeasurement;

/** Keeps the measurements it observes until a test takes them. */
@ApplicationScoped
public class Measurements {

    private final List<DynamoMeasurement> received = new CopyOnWriteArrayList<>();

    void measured(@Observes DynamoMeasurement measurement) {
        received.add(measurement);
    }

    /** The measurements received since the last call, oldest first. */
    List<DynamoMeasurement> take() {
        List<DynamoMeasurement> all = new ArrayList<>(received);
        received.removeAll(all);
        return all;
    }
}
