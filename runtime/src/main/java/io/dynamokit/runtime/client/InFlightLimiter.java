package io.dynamokit.runtime.client;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.quarkus.runtime.BlockingOperationControl;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * One bound on the DynamoDB calls in flight, shared by every DynamoDB client of the application.
 */
public final class InFlightLimiter {

    private final int bound;
    private final Duration maxWait;
    private final Semaphore slots;

    public InFlightLimiter(int bound, Duration maxWait) {
        this.bound = bound;
        this.maxWait = maxWait;
        this.slots = new Semaphore(bound, true);
    }

    /**
     * Takes a slot, waiting up to the configured time. On a thread that must not block (an event loop) it does not
     * wait: a call made there when the bound is reached fails at once.
     */
    void acquire() {
        boolean acquired;
        if (!BlockingOperationControl.isBlockingAllowed()) {
            acquired = slots.tryAcquire();
            if (!acquired) {
                throw SdkClientException.create("DynamoKit: " + bound + " DynamoDB calls are already in flight "
                        + "(quarkus.dynamokit.client.max-in-flight) and this call was made on an event loop thread, "
                        + "which cannot wait for a free slot; raise the bound or make the call from a worker thread");
            }
            return;
        }
        try {
            acquired = slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.builder().message("DynamoKit: interrupted while waiting for a free DynamoDB call slot")
                    .cause(e).build();
        }
        if (!acquired) {
            throw SdkClientException.create("DynamoKit: " + bound + " DynamoDB calls were in flight "
                    + "(quarkus.dynamokit.client.max-in-flight) and none finished within " + maxWait
                    + " (quarkus.dynamokit.client.max-in-flight-wait)");
        }
    }

    void release() {
        slots.release();
    }

    public int bound() {
        return bound;
    }

    /** Slots free right now; for diagnostics and tests. */
    public int available() {
        return slots.availablePermits();
    }
}
