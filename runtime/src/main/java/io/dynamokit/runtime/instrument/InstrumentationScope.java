package io.dynamokit.runtime.instrument;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What measurements of one HTTP request, or of one instrumented invocation outside a request, share: the correlation
 * id, the instrumented method, and the totals for {@code Server-Timing}.
 */
public final class InstrumentationScope {

    private final String correlationId;
    private volatile String method;
    private final AtomicLong dynamoNanos = new AtomicLong();
    private final AtomicInteger calls = new AtomicInteger();

    public InstrumentationScope(String correlationId) {
        this.correlationId = correlationId;
    }

    public String correlationId() {
        return correlationId;
    }

    /** Measures from now on, on behalf of this method; the first instrumented method of a request names it. */
    public void instrument(String method) {
        if (this.method == null) {
            this.method = method;
        }
    }

    public boolean isInstrumented() {
        return method != null;
    }

    public String method() {
        return method;
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
