package io.dynamokit.engine.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client request tokens of applied write transactions, each with what the transaction recorded, for DynamoDB's
 * idempotency window of 10 minutes. Tokens are kept in the order they were recorded, which is the order of their
 * times (callers record under the storage write lock, with the storage clock), so the expired ones are the oldest:
 * each look-up drops them from that end, and costs time for the expired tokens only, not for every token of the
 * window. Not thread-safe: callers hold the storage write lock.
 *
 * @param <T> what a transaction records with its token
 */
final class IdempotencyTokens<T> {
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final Map<String, Recorded<T>> tokens = new LinkedHashMap<>();

    private record Recorded<T>(T value, Instant at) {
        boolean expired(Instant now) {
            return !at.plus(LIFETIME).isAfter(now);
        }
    }

    /** What was recorded with this token less than 10 minutes before {@code now}; null when nothing was. */
    T find(String token, Instant now) {
        Iterator<Recorded<T>> oldest = tokens.values().iterator();
        while (oldest.hasNext() && oldest.next().expired(now)) {
            oldest.remove();
        }
        Recorded<T> recorded = tokens.get(token);
        // a clock set back can leave an expired token behind a younger one: it still does not count
        return recorded == null || recorded.expired(now) ? null : recorded.value();
    }

    /** Records a token at {@code now}, as the youngest. */
    void record(String token, T value, Instant now) {
        tokens.remove(token);
        tokens.put(token, new Recorded<>(value, now));
    }

    /** Tokens held, the expired ones not dropped yet included. */
    int size() {
        return tokens.size();
    }
}
