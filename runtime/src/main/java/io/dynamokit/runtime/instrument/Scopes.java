package io.dynamokit.runtime.instrument;

import java.util.UUID;
import java.util.function.Supplier;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;

/**
 * Finds the instrumentation scope of the code running now: the invocation's (on its thread) or the request's.
 */
public final class Scopes {

    private static final ThreadLocal<InstrumentationScope> INVOCATION = new ThreadLocal<>();

    private Scopes() {
    }

    public static InstrumentationScope current() {
        InstrumentationScope scope = INVOCATION.get();
        if (scope != null) {
            return scope;
        }
        RequestInstrumentation request = request();
        return request == null ? null : request.scopeIfStarted();
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
        InstrumentationScope scope = new InstrumentationScope(UUID.randomUUID().toString());
        scope.instrument(method);
        InstrumentationScope previous = enter(scope);
        try {
            return work.get();
        } finally {
            leave(previous);
        }
    }

    static InstrumentationScope enter(InstrumentationScope scope) {
        InstrumentationScope previous = INVOCATION.get();
        INVOCATION.set(scope);
        return previous;
    }

    static void leave(InstrumentationScope previous) {
        if (previous == null) {
            INVOCATION.remove();
        } else {
            INVOCATION.set(previous);
        }
    }
}
