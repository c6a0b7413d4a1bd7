package io.dynamokit.runtime.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * When DynamoKit treats an application as running in production, where it is careful with tables (declared tables
 * are validated, not created, and never dropped unless allowed; a config store's missing table is not created unless
 * configured): the prod profile, or any profile of an application started in production mode (java -jar, native).
 */
public final class Production {

    private Production() {
    }

    /** Whether the application now starting runs in production. */
    public static boolean isCurrent() {
        return LaunchMode.current() == LaunchMode.NORMAL || ConfigUtils.getProfiles().contains("prod");
    }
}
