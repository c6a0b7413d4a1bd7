package io.dynamokit.instrument;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Measures every DynamoDB request made while the annotated method (or any method of the annotated class) runs:
 * one {@link DynamoMeasurement} per attempt, delivered to CDI observers and, with Micrometer, recorded as meters.
 * A request is credited to the innermost instrumented method running when it is made. The work an instrumented method
 * returns is measured too: a {@code CompletionStage} until it completes, a {@code Uni} or {@code Multi} while subscribed, including
 * requests started in continuations on other threads (reactive and {@code CompletionStage} endpoints).
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface DynamoInstrumented {
}
