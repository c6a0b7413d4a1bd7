package io.dynamokit.runtime.client;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Adds the configured extra headers to every DynamoDB request and holds an in-flight slot for the whole call
 * (all its attempts).
 */
public final class DynamoKitRequestInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<Boolean> HOLDS_SLOT = new ExecutionAttribute<>("DynamoKitInFlightSlot");

    private final List<Map.Entry<String, String>> headers;
    private final InFlightLimiter limiter;

    public DynamoKitRequestInterceptor(Map<String, String> headers, InFlightLimiter limiter) {
        this.headers = List.copyOf(headers.entrySet());
        this.limiter = limiter;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        if (limiter != null) {
            limiter.acquire();
            executionAttributes.putAttribute(HOLDS_SLOT, Boolean.TRUE);
        }
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
        if (headers.isEmpty()) {
            return context.httpRequest();
        }
        SdkHttpRequest.Builder request = context.httpRequest().toBuilder();
        for (Map.Entry<String, String> header : headers) {
            request.putHeader(header.getKey(), header.getValue());
        }
        return request.build();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
        releaseSlot(executionAttributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
        releaseSlot(executionAttributes);
    }

    private void releaseSlot(ExecutionAttributes executionAttributes) {
        if (limiter != null && Boolean.TRUE.equals(executionAttributes.getAttribute(HOLDS_SLOT))) {
            executionAttributes.putAttribute(HOLDS_SLOT, Boolean.FALSE);
            limiter.release();
        }
    }
}
