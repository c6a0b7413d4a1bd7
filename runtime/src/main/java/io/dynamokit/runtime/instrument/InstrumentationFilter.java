package io.dynamokit.runtime.instrument;

import java.util.Locale;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

import io.dynamokit.runtime.config.DynamoKitConfig;
import io.dynamokit.runtime.config.InstrumentationConfig;

/**
 * Starts each HTTP request's instrumentation scope with the correlation id the request carries (or a new one), and
 * answers with that id and, when enabled, a {@code Server-Timing} header summing the request's DynamoDB time.
 */
public class InstrumentationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    RequestInstrumentation request;

    /** Looked up per request: REST filters are created before the run time configuration is available. */
    @Inject
    Instance<DynamoKitConfig> config;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext context) {
        InstrumentationConfig settings = config.get().instrumentation();
        request.begin(context.getHeaderString(settings.correlationHeader()));
        if (settings.allRequests() && resource != null && resource.getResourceMethod() != null) {
            request.instrumentAll(resource.getResourceClass().getSimpleName() + "#"
                    + resource.getResourceMethod().getName());
        }
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        InstrumentationScope scope = request.scopeIfStarted();
        if (scope == null) {
            return;
        }
        InstrumentationConfig settings = config.get().instrumentation();
        responseContext.getHeaders().putSingle(settings.correlationHeader(), scope.correlationId());
        if (settings.serverTiming() && scope.isInstrumented()) {
            responseContext.getHeaders().add("Server-Timing", String.format(Locale.ROOT,
                    "dynamodb;dur=%.3f;desc=\"%d DynamoDB call%s\"", scope.dynamoNanos() / 1_000_000.0, scope.calls(),
                    scope.calls() == 1 ? "" : "s"));
        }
    }
}
