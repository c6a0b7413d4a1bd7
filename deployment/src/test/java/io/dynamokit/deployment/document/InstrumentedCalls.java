package io.dynamokit.deployment.document;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.dynamokit.instrument.DynamoInstrumented;
import io.smallrye.mutiny.Uni;

/** Runs a test's calls inside an instrumented method, so that they are measured. */
@ApplicationScoped
@DynamoInstrumented
public class InstrumentedCalls {

    public <T> T call(Supplier<T> calls) {
        return calls.get();
    }

    public void run(Runnable calls) {
        calls.run();
    }

    /** The returned work is measured until it completes. */
    public <T> Uni<T> reactive(Supplier<Uni<T>> call) {
        return call.get();
    }
}
