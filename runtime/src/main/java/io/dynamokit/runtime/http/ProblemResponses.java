package io.dynamokit.runtime.http;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.dynamokit.http.FailureKind;
import io.dynamokit.runtime.config.DynamoKitConfig;
import io.dynamokit.runtime.config.DynamoKitFixedConfig;
import io.dynamokit.runtime.config.ExceptionMappersConfig;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Builds RFC 9457 problem responses ({@code application/problem+json}) for DynamoDB failures.
 */
@ApplicationScoped
public class ProblemResponses {

    static final String PROBLEM_JSON = ProblemJson.MEDIA_TYPE;
    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    private final ExceptionMappersConfig config;
    private final Set<FailureKind> answered;

    @Inject
    public ProblemResponses(DynamoKitConfig config, DynamoKitFixedConfig fixed) {
        this.config = config.exceptionMappers();
        this.answered = MappedKinds.of(fixed.exceptionMappers());
    }

    /**
     * The kind DynamoKit answers a failure as, or {@code null} when DynamoKit leaves the failure alone: its kind is
     * switched off, or it is no DynamoDB failure.
     */
    public FailureKind answeredKind(Throwable failure) {
        FailureKind kind = FailureKind.of(failure);
        return kind != null && answered.contains(kind) ? kind : null;
    }

    /** The problem response for a failure of a kind {@link #answeredKind(Throwable)} gave. */
    public Response toResponse(Throwable failure, FailureKind kind) {
        int status = kind == FailureKind.NO_CREDENTIALS ? config.noCredentialsStatus() : kind.status();
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
        field(json, "title", status == 429 ? FailureKind.THROTTLED.title() : kind.title());
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

    private static void log(FailureKind kind, int status, Throwable failure) {
        if (status >= 500 && kind != FailureKind.UNAVAILABLE) {
            LOG.errorf(failure, "DynamoDB failure answered with %d", status);
        } else if (kind == FailureKind.UNAVAILABLE) {
            LOG.warnf("DynamoDB unavailable, answered with 503: %s", failure.toString());
        } else {
            LOG.debugf("DynamoDB failure answered with %d: %s", status, failure);
        }
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        ProblemJson.quote(json, value);
    }
}
