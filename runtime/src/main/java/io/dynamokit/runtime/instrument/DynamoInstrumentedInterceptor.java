package io.dynamokit.runtime.instrument;

import java.lang.reflect.Method;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.dynamokit.instrument.DynamoInstrumented;

/**
 * Opens the measurement of DynamoDB requests for an instrumented method: in a request, for the rest of the request;
 * outside one, for the invocation on its thread.
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
        if (request != null) {
            request.scope().instrument(name);
            return context.proceed();
        }
        InstrumentationScope scope = new InstrumentationScope(UUID.randomUUID().toString());
        scope.instrument(name);
        InstrumentationScope previous = Scopes.enter(scope);
        try {
            return context.proceed();
        } finally {
            Scopes.leave(previous);
        }
    }
}
