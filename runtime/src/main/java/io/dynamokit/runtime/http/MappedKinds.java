package io.dynamokit.runtime.http;

import java.util.EnumSet;
import java.util.Set;

import io.dynamokit.http.FailureKind;
import io.dynamokit.runtime.config.DynamoKitFixedConfig;

/**
 * Which {@link FailureKind}s DynamoKit's mappers answer: the one place a kind meets its build time switch
 * ({@code quarkus.dynamokit.exception-mappers.*}). The build step registers the mapper for the types of these kinds,
 * and the mapper hands a failure of any other kind on.
 */
public final class MappedKinds {

    private MappedKinds() {
    }

    /** The kinds switched on; empty when the mappers are switched off altogether. */
    public static Set<FailureKind> of(DynamoKitFixedConfig.ExceptionMappers switches) {
        EnumSet<FailureKind> kinds = EnumSet.noneOf(FailureKind.class);
        if (!switches.enabled()) {
            return kinds;
        }
        for (FailureKind kind : FailureKind.values()) {
            if (isOn(switches, kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private static boolean isOn(DynamoKitFixedConfig.ExceptionMappers switches, FailureKind kind) {
        // no default branch: a new kind does not compile until it has a switch
        return switch (kind) {
            case CONFLICT -> switches.conflict();
            case THROTTLED -> switches.throttling();
            case UNAVAILABLE -> switches.unavailable();
            case NO_CREDENTIALS -> switches.credentials();
            case NOT_FOUND -> switches.notFound();
            case INVALID_INPUT -> switches.invalidInput();
            case OTHER -> switches.other();
        };
    }
}
