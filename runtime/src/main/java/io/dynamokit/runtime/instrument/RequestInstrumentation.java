package io.dynamokit.runtime.instrument;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/**
 * The instrumentation scope of the current request: it follows the request onto the threads where its DynamoDB
 * calls are made and completed.
 */
@RequestScoped
public class RequestInstrumentation {

    private InstrumentationScope scope;
    private MethodFrame allRequestsFrame;

    /** Starts the scope with the correlation id the request came with (or a new one when null). */
    public InstrumentationScope begin(String correlationId) {
        scope = new InstrumentationScope(correlationId == null || correlationId.isBlank()
                ? UUID.randomUUID().toString()
                : correlationId);
        return scope;
    }

    public InstrumentationScope scope() {
        if (scope == null) {
            scope = new InstrumentationScope(UUID.randomUUID().toString());
        }
        return scope;
    }

    public InstrumentationScope scopeIfStarted() {
        return scope;
    }

    /**
     * With {@code all-requests}: the requests of this HTTP request made outside instrumented methods are credited to
     * its resource method.
     */
    public void instrumentAll(String resourceMethod) {
        allRequestsFrame = new MethodFrame(scope(), resourceMethod);
    }

    MethodFrame allRequestsFrame() {
        return allRequestsFrame;
    }
}
