package io.dynamokit.runtime.instrument;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What measurements of one HTTP request, or of one instrumented invocation outside a request (with the instrumented
 * methods it calls), share: the correlation id and the totals for {@code Server-Timing}.
 */
public final class InstrumentationScope {

    private final String correlationId;
    private volatile boolean instrumented;
    private final AtomicLong dynamoNanos = new AtomicLong();
    private final AtomicInteger calls = new AtomicInteger();

    public InstrumentationScope(String correlationId) {
        this.correlationId = correlationId;
    }

    public String correlationId() {
        return correlationId;
    }

    /** Whether an instrumented method ran in this scope: only then does a response tell its DynamoDB time. */
    public boolean isInstrumented() {
        return instrumented;
    }

    void markInstrumented() {
        instrumented = true;
    }

    void addCall() {
        calls.incrementAndGet();
    }

    void addTime(long nanos) {
        dynamoNanos.addAndGet(nanos);
    }

    public int calls() {
        return calls.get();
    }

    public long dynamoNanos() {
        return dynamoNanos.get();
    }
}
