package io.dynamokit.engine.storage;

import java.time.Instant;

/**
 * A table's or index's transitional status (CREATING, UPDATING, DELETING) and when it ends. Statuses are computed
 * from the clock when read, so no thread has to flip them; a zero delay ends a transition at once.
 */
public record Transition(String status, Instant until) {

    public boolean inProgress(Instant now) {
        return now.isBefore(until);
    }
}
