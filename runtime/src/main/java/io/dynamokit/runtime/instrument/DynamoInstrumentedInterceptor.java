package io.dynamokit.runtime.instrument;

import java.lang.reflect.Method;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.dynamokit.instrument.DynamoInstrumented;

/**
 * Credits the DynamoDB requests made while an instrumented method runs, and while the work it returns is in flight,
 * to that method. Nested instrumented methods are credited with their own requests; the scope (correlation id) is
 * the HTTP request's, else the outermost instrumented method's.
 */
@DynamoInstrumented
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class DynamoInstrumentedInterceptor {

    @AroundInvoke
    Object instrument(InvocationContext context) throws Exception {
        Method method = context.getMethod();
        MethodFrame frame = new MethodFrame(scope(), method.getDeclaringClass().getSimpleName() + "#" + method.getName());
        MethodFrame previous = Scopes.enter(frame);
        try {
            return ReturnedWork.track(frame, context.proceed(), method.getReturnType());
        } finally {
            Scopes.leave(previous);
            frame.release();
        }
    }

    private static InstrumentationScope scope() {
        RequestInstrumentation request = Scopes.request();
        if (request != null) {
            return request.scope();
        }
        MethodFrame outer = Scopes.onThisThread();
        return outer != null ? outer.scope() : new InstrumentationScope(UUID.randomUUID().toString());
    }
}
