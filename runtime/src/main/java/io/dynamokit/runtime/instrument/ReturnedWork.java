package io.dynamokit.runtime.instrument;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.AbstractMulti;
import io.smallrye.mutiny.operators.AbstractUni;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import io.smallrye.mutiny.subscription.UniSubscriber;

/**
 * Keeps a method's frame open for the asynchronous work it returns: until a {@code CompletionStage} completes, and
 * while a {@code Uni} or {@code Multi} (lazy: their requests are made when they are subscribed, after the method
 * returned) has a subscription in flight.
 */
final class ReturnedWork {

    private ReturnedWork() {
    }

    static Object track(MethodFrame frame, Object result, Class<?> declaredType) {
        if (result instanceof Uni<?> uni) {
            return new FramedUni<>(uni, frame);
        }
        if (result instanceof Multi<?> multi) {
            return new FramedMulti<>(multi, frame);
        }
        if (result instanceof CompletionStage<?> stage) {
            return untilComplete(frame, stage, declaredType);
        }
        return result;
    }

    private static Object untilComplete(MethodFrame frame, CompletionStage<?> stage, Class<?> declaredType) {
        frame.hold();
        if (stage.getClass() != CompletableFuture.class || !declaredType.isAssignableFrom(CompletableFuture.class)) {
            stage.whenComplete((value, failure) -> frame.release());
            return stage;
        }
        // The caller's continuations must run after the frame closed, so that requests they make are not credited to
        // the method: they are chained to a future completed only then. Cancelling it cancels the method's.
        CompletableFuture<?> source = (CompletableFuture<?>) stage;
        CompletableFuture<Object> tracked = new CompletableFuture<>();
        source.whenComplete((value, failure) -> {
            frame.release();
            if (failure == null) {
                tracked.complete(value);
            } else {
                tracked.completeExceptionally(failure);
            }
        });
        tracked.whenComplete((value, failure) -> {
            if (tracked.isCancelled()) {
                source.cancel(false);
            }
        });
        return tracked;
    }

    /** Holds the frame for a new subscription (released when it terminates) and subscribes inside it. */
    private static void subscribeInside(MethodFrame frame, Runnable subscribe) {
        frame.hold();
        MethodFrame previous = Scopes.enter(frame);
        try {
            subscribe.run();
        } finally {
            Scopes.leave(previous);
        }
    }

    /** Subscribes to the method's {@code Uni} inside the method's frame, and holds the frame until it terminates. */
    private static final class FramedUni<T> extends AbstractUni<T> {

        private final Uni<T> upstream;
        private final MethodFrame frame;

        FramedUni(Uni<T> upstream, MethodFrame frame) {
            this.upstream = upstream;
            this.frame = frame;
        }

        @Override
        public void subscribe(UniSubscriber<? super T> subscriber) {
            subscribeInside(frame,
                    () -> AbstractUni.subscribe(upstream.onTermination().invoke(frame::release), subscriber));
        }
    }

    /** Subscribes to the method's {@code Multi} inside the method's frame, and holds the frame until it terminates. */
    private static final class FramedMulti<T> extends AbstractMulti<T> {

        private final Multi<T> upstream;
        private final MethodFrame frame;

        FramedMulti(Multi<T> upstream, MethodFrame frame) {
            this.upstream = upstream;
            this.frame = frame;
        }

        @Override
        public void subscribe(MultiSubscriber<? super T> subscriber) {
            subscribeInside(frame, () -> upstream.onTermination().invoke(frame::release).subscribe(subscriber));
        }
    }
}
