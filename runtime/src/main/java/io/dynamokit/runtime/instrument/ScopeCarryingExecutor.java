package io.dynamokit.runtime.instrument;

import java.util.concurrent.Executor;

/**
 * The future completion executor of the async DynamoDB clients. The SDK completes the future of a request in a task
 * of this executor, and continuations chained to it (a second request started when the first one answered) run in
 * that task: so the task carries the instrumented method of the request it completes, and drops it when it ends.
 */
public final class ScopeCarryingExecutor implements Executor {

    private final Executor delegate;
    private final ClassLoader contextClassLoader;

    /**
     * @param delegate where the tasks run: the Quarkus executor, or null to run them on the thread that completes the
     *        HTTP exchange
     */
    public ScopeCarryingExecutor(Executor delegate) {
        this.delegate = delegate;
        // new pool threads inherit the class loader of the thread that submits to them: the application's
        this.contextClassLoader = Thread.currentThread().getContextClassLoader();
    }

    @Override
    public void execute(Runnable task) {
        if (delegate == null) {
            Scopes.complete(task);
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(contextClassLoader);
        try {
            delegate.execute(() -> Scopes.complete(task));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
