package io.dynamokit.test.fault;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests are in progress inside a {@link FaultProxy}, and the most there were at once. Thread-safe.
 */
final class InFlightCount {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    /**
     * @return the membership of a request that is now in progress
     */
    Membership enter() {
        return new Membership();
    }

    int max() {
        return maxInFlight.get();
    }

    /**
     * Restarts the high-water mark from the number of requests in progress now.
     */
    void resetMax() {
        maxInFlight.set(inFlight.get());
    }

    /**
     * Membership of one request in the in-flight count; leaving twice has no effect.
     */
    final class Membership {

        private boolean counted;

        private Membership() {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            counted = true;
        }

        void leave() {
            if (counted) {
                counted = false;
                inFlight.decrementAndGet();
            }
        }
    }
}
