package io.dynamokit.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dynamokit.configstore.ConfigStoreConflictException;
import io.dynamokit.configstore.InvalidConfigOptionException;
import io.dynamokit.configstore.OptionNotFoundException;
import io.dynamokit.document.ItemNotFoundException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The kinds of DynamoDB failure, the HTTP status each is answered with by DynamoKit's exception mappers, and the
 * exception types that carry it. This is the one list of kinds: the mappers' registration, their classification and
 * their build time switches ({@code quarkus.dynamokit.exception-mappers.*}) all read it. Usable in an application's
 * own mappers: {@link #of(Throwable)} classifies a failure.
 */
public enum FailureKind {

    /** A condition did not hold, or a transaction conflicted: 409. */
    CONFLICT(409, "conflict", "Conflict",
            "The item was changed, or its condition did not hold; read it again before retrying.", true,
            List.of(ConditionalCheckFailedException.class, TransactionConflictException.class,
                    ConfigStoreConflictException.class)),

    /** DynamoDB throttled the request: 429 with {@code Retry-After}. */
    THROTTLED(429, "throttled", "Too Many Requests",
            "DynamoDB is throttling requests; retry after the time given in Retry-After.", true,
            List.of(ProvisionedThroughputExceededException.class, RequestLimitExceededException.class,
                    ThrottlingException.class)),

    /** DynamoDB failed, answered 503, timed out or could not be reached: 503 with {@code Retry-After}. */
    UNAVAILABLE(503, "unavailable", "Service Unavailable",
            "DynamoDB is unavailable or did not answer in time; retry after the time given in Retry-After.", true,
            List.of(InternalServerErrorException.class, ApiCallTimeoutException.class,
                    ApiCallAttemptTimeoutException.class)),

    /** No AWS credentials could be loaded: 500, or 429 if configured. */
    NO_CREDENTIALS(500, "no-credentials", "Internal Server Error",
            "The service could not authenticate to DynamoDB.", true, List.of()),

    /** The document client found no item with the key: 404. */
    NOT_FOUND(404, "not-found", "Not Found", "The requested item or option does not exist.", false,
            List.of(ItemNotFoundException.class, OptionNotFoundException.class)),

    /** A config store refused the option name or values given (an {@link InvalidConfigOptionException}): 400. */
    INVALID_INPUT(400, "invalid-input", "Bad Request",
            "The option name or values given cannot be stored; nothing was written.", false,
            List.of(InvalidConfigOptionException.class)),

    /** Any other DynamoDB or AWS SDK failure: 500. */
    OTHER(500, "dynamodb-error", "Internal Server Error", "A DynamoDB request failed.", true, List.of());

    private static final FailureKind[] KINDS = values();

    private final int status;
    private final String type;
    private final String title;
    private final String fixedDetail;
    private final List<Class<? extends RuntimeException>> exceptionTypes;
    private final List<Class<? extends RuntimeException>> mappedTypes;

    FailureKind(int status, String type, String title, String fixedDetail, boolean toldApartByDetails,
            List<Class<? extends RuntimeException>> exceptionTypes) {
        this.status = status;
        this.type = type;
        this.title = title;
        this.fixedDetail = fixedDetail;
        this.exceptionTypes = exceptionTypes;
        List<Class<? extends RuntimeException>> mapped = new ArrayList<>(exceptionTypes);
        if (toldApartByDetails) {
            mapped.addAll(generalTypes());
        }
        this.mappedTypes = List.copyOf(mapped);
    }

    /**
     * The SDK's general failure types, whose kind depends on the error code, the status, the cancellation reasons,
     * the cause or the message rather than on the type.
     */
    private static List<Class<? extends RuntimeException>> generalTypes() {
        return List.of(TransactionCanceledException.class, DynamoDbException.class, SdkClientException.class,
                SdkException.class);
    }

    /** The HTTP status DynamoKit answers this kind with by default. */
    public int status() {
        return status;
    }

    /** The problem type URI of this kind, e.g. {@code urn:dynamokit:problem:conflict}. */
    public String typeUri() {
        return "urn:dynamokit:problem:" + type;
    }

    public String title() {
        return title;
    }

    /** The {@code detail} sent when DynamoDB's own message must not be (production). */
    public String fixedDetail() {
        return fixedDetail;
    }

    /** The exception types that are always of this kind, whatever their error code or message. */
    public List<Class<? extends RuntimeException>> exceptionTypes() {
        return exceptionTypes;
    }

    /**
     * The exception types an exception mapper must be registered for to see every failure of this kind: its
     * {@link #exceptionTypes()} and, for kinds also told apart by error code, status, cause or message, the SDK's
     * general types ({@code TransactionCanceledException}, {@code DynamoDbException}, {@code SdkClientException},
     * {@code SdkException}). A mapper registered for a general type also sees failures of other kinds.
     */
    public List<Class<? extends RuntimeException>> mappedTypes() {
        return mappedTypes;
    }

    /**
     * The kind of a failure, or {@code null} when it is neither an AWS SDK failure, the document client's
     * {@link ItemNotFoundException} nor one of the config stores' typed failures.
     */
    public static FailureKind of(Throwable failure) {
        for (FailureKind kind : KINDS) {
            for (Class<? extends RuntimeException> type : kind.exceptionTypes) {
                if (type.isInstance(failure)) {
                    return kind;
                }
            }
        }
        if (failure instanceof TransactionCanceledException canceled) {
            return ofCancellation(canceled);
        }
        if (failure instanceof AwsServiceException service) {
            if (service.isThrottlingException()) {
                return THROTTLED;
            }
            return service.statusCode() >= 500 ? UNAVAILABLE : OTHER;
        }
        if (failure instanceof SdkClientException) {
            if (isMissingCredentials(failure)) {
                return NO_CREDENTIALS;
            }
            return hasIoCause(failure) ? UNAVAILABLE : OTHER;
        }
        return failure instanceof SdkException ? OTHER : null;
    }

    private static FailureKind ofCancellation(TransactionCanceledException canceled) {
        FailureKind kind = OTHER;
        if (canceled.hasCancellationReasons()) {
            for (CancellationReason reason : canceled.cancellationReasons()) {
                String code = reason.code() == null ? "" : reason.code();
                if (code.equals("ConditionalCheckFailed") || code.equals("TransactionConflict")) {
                    return CONFLICT;
                }
                if (code.equals("ThrottlingError") || code.equals("ProvisionedThroughputExceeded")
                        || code.equals("RequestLimitExceeded")) {
                    kind = THROTTLED;
                }
            }
        }
        return kind;
    }

    /** The SDK reports missing credentials as a client exception with no type of its own, only this message. */
    private static boolean isMissingCredentials(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("unable to load credentials") || message.contains("unable to load an identity")
                    || message.contains("access key must be specified")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasIoCause(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
