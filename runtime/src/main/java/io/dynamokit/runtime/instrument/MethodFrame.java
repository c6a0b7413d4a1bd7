package io.dynamokit.runtime.instrument;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of an instrumented method: the method its DynamoDB requests are credited to, and the scope (correlation id,
 * totals) they belong to. It is open while the method runs and while work it returned ({@code CompletionStage},
 * {@code Uni}) is in flight; requests started under a closed frame are not measured.
 */
final class MethodFrame {

    private final InstrumentationScope scope;
    private final String method;
    private final AtomicInteger holds = new AtomicInteger(1);

    MethodFrame(InstrumentationScope scope, String method) {
        this.scope = scope;
        this.method = method;
        scope.markInstrumented();
    }

    InstrumentationScope scope() {
        return scope;
    }

    String method() {
        return method;
    }

    boolean isOpen() {
        return holds.get() > 0;
    }

    /** Keeps the frame open for one more piece of returned work. */
    void hold() {
        holds.incrementAndGet();
    }

    /** The method returned, or one piece of its returned work ended. */
    void release() {
        holds.decrementAndGet();
    }
}
