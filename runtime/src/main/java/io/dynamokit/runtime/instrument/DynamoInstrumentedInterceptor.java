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
        String name = method.getDeclaringClass().getSimpleName() + "#" + method.getName();
        RequestInstrumentation request = Scopes.request();
        MethodFrame frame;
        if (request != null) {
            frame = new MethodFrame(request.scope(), name);
            request.started(frame);
        } else {
            MethodFrame outer = Scopes.onThisThread();
            frame = new MethodFrame(
                    outer != null ? outer.scope() : new InstrumentationScope(UUID.randomUUID().toString()), name);
        }
        MethodFrame previous = Scopes.enter(frame);
        try {
            return ReturnedWork.track(frame, context.proceed(), method.getReturnType());
        } finally {
            Scopes.leave(previous);
            frame.release();
        }
    }
}
