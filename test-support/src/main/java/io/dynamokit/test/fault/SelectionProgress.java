package io.dynamokit.test.fault;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of one {@link FaultRule}'s {@link Selection}: how many requests it was applied to and, for a share, the
 * random numbers drawn so far. Thread-safe.
 */
final class SelectionProgress {

    private final Selection selection;
    private final AtomicInteger applied = new AtomicInteger();
    private final Random random;

    SelectionProgress(Selection selection) {
        this.selection = selection;
        this.random = selection.isShare() ? new Random(selection.seed()) : null;
    }

    int applied() {
        return applied.get();
    }

    /**
     * Decides, for one matching request, whether the rule applies to it, and counts it if so.
     */
    boolean tryApply() {
        if (selection.isFirst()) {
            int firstCount = selection.firstCount();
            int current;
            do {
                current = applied.get();
                if (current >= firstCount) {
                    return false;
                }
            } while (!applied.compareAndSet(current, current + 1));
            return true;
        }
        if (random != null) {
            boolean chosen;
            synchronized (random) {
                chosen = random.nextDouble() < selection.fraction();
            }
            if (!chosen) {
                return false;
            }
        }
        applied.incrementAndGet();
        return true;
    }
}
