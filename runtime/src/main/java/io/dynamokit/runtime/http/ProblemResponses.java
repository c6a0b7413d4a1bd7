package io.dynamokit.runtime.http;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.dynamokit.http.DynamoFailure;
import io.dynamokit.runtime.config.DynamoKitConfig;
import io.dynamokit.runtime.config.DynamoKitFixedConfig;
import io.dynamokit.runtime.config.ExceptionMappersConfig;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Builds RFC 9457 problem responses ({@code application/problem+json}) for DynamoDB failures.
 */
@ApplicationScoped
public class ProblemResponses {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    private final ExceptionMappersConfig config;
    private final Set<DynamoFailure> enabled;

    @Inject
    public ProblemResponses(DynamoKitConfig config, DynamoKitFixedConfig fixed) {
        this.config = config.exceptionMappers();
        this.enabled = enabledKinds(fixed.exceptionMappers());
    }

    static Set<DynamoFailure> enabledKinds(DynamoKitFixedConfig.ExceptionMappers switches) {
        EnumSet<DynamoFailure> kinds = EnumSet.noneOf(DynamoFailure.class);
        if (switches.conflict()) {
            kinds.add(DynamoFailure.CONFLICT);
        }
        if (switches.throttling()) {
            kinds.add(DynamoFailure.THROTTLED);
        }
        if (switches.unavailable()) {
            kinds.add(DynamoFailure.UNAVAILABLE);
        }
        if (switches.credentials()) {
            kinds.add(DynamoFailure.NO_CREDENTIALS);
        }
        if (switches.notFound()) {
            kinds.add(DynamoFailure.NOT_FOUND);
        }
        return kinds;
    }

    public Response toResponse(Throwable failure) {
        DynamoFailure kind = DynamoFailure.of(failure);
        if (kind == null || !enabled.contains(kind)) {
            kind = DynamoFailure.OTHER;
        }
        int status = kind == DynamoFailure.NO_CREDENTIALS ? config.noCredentialsStatus() : kind.status();
        log(kind, status, failure);

        String errorCode = null;
        String requestId = null;
        String message = failure.getMessage();
        if (failure instanceof AwsServiceException service) {
            requestId = service.requestId();
            if (service.awsErrorDetails() != null) {
                errorCode = service.awsErrorDetails().errorCode();
                message = service.awsErrorDetails().errorMessage();
            }
        }
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "type", kind.typeUri());
        json.append(',');
        field(json, "title", status == 429 ? DynamoFailure.THROTTLED.title() : kind.title());
        json.append(",\"status\":").append(status).append(',');
        field(json, "detail", config.exposeDetails() && message != null ? message : kind.fixedDetail());
        if (errorCode != null) {
            json.append(',');
            field(json, "errorCode", errorCode);
        }
        if (requestId != null) {
            json.append(',');
            field(json, "requestId", requestId);
        }
        json.append('}');

        Response.ResponseBuilder response = Response.status(status).type(PROBLEM_JSON).entity(json.toString());
        if (status == 429) {
            response.header("Retry-After", seconds(config.throttlingRetryAfter()));
        } else if (status == 503) {
            response.header("Retry-After", seconds(config.unavailableRetryAfter()));
        }
        return response.build();
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static void log(DynamoFailure kind, int status, Throwable failure) {
        if (status >= 500 && kind != DynamoFailure.UNAVAILABLE) {
            LOG.errorf(failure, "DynamoDB failure answered with %d", status);
        } else if (kind == DynamoFailure.UNAVAILABLE) {
            LOG.warnf("DynamoDB unavailable, answered with 503: %s", failure.toString());
        } else {
            LOG.debugf("DynamoDB failure answered with %d: %s", status, failure);
        }
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
