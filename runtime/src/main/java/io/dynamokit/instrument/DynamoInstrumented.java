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
 * Requests of a Jakarta REST resource method are measured for the whole HTTP request, including calls that complete
 * on other threads (reactive and {@code CompletionStage} endpoints).
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface DynamoInstrumented {
}
