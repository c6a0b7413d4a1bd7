package io.dynamokit.runtime.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.dynamokit.runtime.config.ClientConfig;
import io.dynamokit.runtime.config.DynamoKitConfig;
import io.dynamokit.runtime.config.RetryConfig;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Checks the {@code quarkus.dynamokit.client.*} settings and turns them into AWS SDK objects.
 */
public final class ClientSettings {

    static final String PREFIX = "quarkus.dynamokit.client.";

    /** Headers the SDK writes itself; an extra header of the same name would break or be overwritten by signing. */
    static final Set<String> RESERVED_HEADERS = Set.of("host", "authorization", "content-type", "content-length",
            "x-amz-target", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256");

    private static final String TOKEN_SPECIALS = "!#$%&'*+-.^_`|~";

    private ClientSettings() {
    }

    /**
     * Every invalid setting, each with its property name and the values it accepts; empty when they are valid. Header
     * values never appear in them.
     */
    public static List<String> problems(DynamoKitConfig config) {
        ClientConfig client = config.client();
        List<String> errors = new ArrayList<>();
        RetryConfig retry = client.retry();
        if (retry.maxRetries() < 0) {
            errors.add(PREFIX + "retry.max-retries is " + retry.maxRetries() + ": use 0 (no retries) or more");
        }
        checkNotNegative(errors, "retry.base-backoff", retry.baseBackoff());
        checkNotNegative(errors, "retry.throttling-base-backoff", retry.throttlingBaseBackoff());
        checkNotNegative(errors, "retry.max-backoff", retry.maxBackoff());
        if (retry.maxBackoff().compareTo(retry.baseBackoff()) < 0
                || retry.maxBackoff().compareTo(retry.throttlingBaseBackoff()) < 0) {
            errors.add(PREFIX + "retry.max-backoff is " + retry.maxBackoff()
                    + ": use a duration at least as long as retry.base-backoff and retry.throttling-base-backoff");
        }
        if (client.maxInFlight().isPresent() && client.maxInFlight().getAsInt() < 1) {
            errors.add(PREFIX + "max-in-flight is " + client.maxInFlight().getAsInt()
                    + ": use 1 or more, or leave it unset for no bound");
        }
        checkNotNegative(errors, "max-in-flight-wait", client.maxInFlightWait());
        for (Map.Entry<String, String> header : new TreeMap<>(client.extraHeaders()).entrySet()) {
            String name = header.getKey();
            String property = PREFIX + "extra-headers.\"" + name + "\"";
            if (!isToken(name)) {
                errors.add(property + ": the header name '" + name
                        + "' is not a valid HTTP header name; use letters, digits and " + TOKEN_SPECIALS);
            } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                errors.add(property + ": the header '" + name
                        + "' is set by the AWS SDK itself and cannot be overridden; reserved names are "
                        + String.join(", ", new TreeSet<>(RESERVED_HEADERS)));
            }
            String value = header.getValue();
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                errors.add(property + ": the value contains a line break; header values must be on one line");
            }
        }
        return errors;
    }

    private static void checkNotNegative(List<String> errors, String key, Duration value) {
        if (value.isNegative()) {
            errors.add(PREFIX + key + " is " + value + ": use a duration of zero or more, such as 25MS or 1S");
        }
    }

    static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alphaNumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphaNumeric && TOKEN_SPECIALS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The SDK's standard retry strategy, with its retry conditions (throttling and transient error codes, 5xx, I/O
     * errors), and DynamoKit's attempts and backoff. The client's own defaults are not applied over them.
     */
    public static RetryStrategy retryStrategy(RetryConfig retry) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(retry.maxRetries() + 1)
                .backoffStrategy(backoff(retry.baseBackoff(), retry.maxBackoff()))
                .throttlingBackoffStrategy(backoff(retry.throttlingBaseBackoff(), retry.maxBackoff()))
                .useClientDefaults(false)
                .build();
    }

    private static BackoffStrategy backoff(Duration base, Duration max) {
        if (base.isZero()) {
            return BackoffStrategy.retryImmediately();
        }
        return BackoffStrategy.exponentialDelay(base, max);
    }
}
