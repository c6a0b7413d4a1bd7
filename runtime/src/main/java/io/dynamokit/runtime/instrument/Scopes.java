package io.dynamokit.runtime.instrument;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;

/**
 * Finds the instrumented method a DynamoDB request made now is credited to: the innermost instrumented method running
 * on this thread, else the method whose asynchronous DynamoDB request this thread is completing, else, in an HTTP
 * request, its latest instrumented method whose returned work is in flight, else (with {@code all-requests}) its
 * resource method.
 */
public final class Scopes {

    private static final ThreadLocal<MethodFrame> FRAME = new ThreadLocal<>();
    /** Set while this thread runs a completion task of an async DynamoDB client (see {@link ScopeCarryingExecutor}). */
    private static final ThreadLocal<Boolean> COMPLETING = new ThreadLocal<>();

    private Scopes() {
    }

    static MethodFrame current() {
        MethodFrame frame = FRAME.get();
        if (frame != null && frame.isOpen()) {
            return frame;
        }
        RequestInstrumentation request = request();
        MethodFrame open = request == null ? null : request.openFrame();
        return open != null ? open : frame;
    }

    /** The frame of the instrumented method running on this thread, or null. */
    static MethodFrame onThisThread() {
        return FRAME.get();
    }

    /** The current request's instrumentation, or null outside a request. */
    public static RequestInstrumentation request() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        InstanceHandle<RequestInstrumentation> handle = container.instance(RequestInstrumentation.class);
        return handle.isAvailable() ? handle.get() : null;
    }

    /**
     * Runs work with its DynamoDB requests measured on behalf of {@code method}, on this thread: what
     * {@code @DynamoInstrumented} does for code outside CDI.
     */
    public static <T> T instrumented(String method, Supplier<T> work) {
        MethodFrame outer = FRAME.get();
        MethodFrame frame = new MethodFrame(
                outer != null ? outer.scope() : new InstrumentationScope(UUID.randomUUID().toString()), method);
        MethodFrame previous = enter(frame);
        try {
            return work.get();
        } finally {
            leave(previous);
            frame.release();
        }
    }

    /**
     * A function applying {@code function} with the DynamoDB requests it makes credited where a request made here and
     * now would be (the instrumented method running on this thread, or the measured HTTP request), on whatever thread
     * it is applied: for requests that work begun here makes from other threads, such as those a blocking batch call
     * sends from its executor, or the entries re-sent after a backoff. When nothing here is measured, {@code function}
     * itself.
     */
    public static <T, R> Function<T, R> carryingCurrent(Function<T, R> function) {
        MethodFrame frame = current();
        if (frame == null) {
            return function;
        }
        return argument -> {
            MethodFrame previous = enter(frame);
            try {
                return function.apply(argument);
            } finally {
                leave(previous);
            }
        };
    }

    static MethodFrame enter(MethodFrame frame) {
        MethodFrame previous = FRAME.get();
        FRAME.set(frame);
        return previous;
    }

    static void leave(MethodFrame previous) {
        if (previous == null) {
            FRAME.remove();
        } else {
            FRAME.set(previous);
        }
    }

    /**
     * An async DynamoDB request of {@code frame} ended on this thread: in a completion task, the continuations it
     * triggers (which run next, on this thread) are credited to the same method. Elsewhere nothing would end the
     * frame's stay on the thread, so nothing is set.
     */
    static void continueIn(MethodFrame frame) {
        if (COMPLETING.get() != null) {
            FRAME.set(frame);
        }
    }

    /** Runs a completion task; whatever it sets is undone when it ends. */
    static void complete(Runnable task) {
        MethodFrame before = FRAME.get();
        Boolean wasCompleting = COMPLETING.get();
        COMPLETING.set(Boolean.TRUE);
        try {
            task.run();
        } finally {
            leave(before);
            if (wasCompleting == null) {
                COMPLETING.remove();
            }
        }
    }
}
