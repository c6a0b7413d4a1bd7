package io.dynamokit.runtime.instrument;

import java.util.ArrayList;
import java.util.List;
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
    private final List<MethodFrame> frames = new ArrayList<>(2);

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

    /** A new instrumented method runs in this HTTP request; frames already closed are dropped, as they match no more. */
    synchronized void started(MethodFrame frame) {
        frames.removeIf(done -> !done.isOpen());
        frames.add(frame);
    }

    /**
     * Where a request made on a thread without an instrumented method of its own is credited: the latest instrumented
     * method of this HTTP request whose work is still in flight (code moved to another executor by
     * {@code emitOn}, {@code runSubscriptionOn} or an async continuation, which carry the request context), else, with
     * {@code all-requests}, the resource method.
     */
    synchronized MethodFrame openFrame() {
        for (int i = frames.size() - 1; i >= 0; i--) {
            MethodFrame frame = frames.get(i);
            if (frame.isOpen()) {
                return frame;
            }
        }
        return allRequestsFrame;
    }
}
