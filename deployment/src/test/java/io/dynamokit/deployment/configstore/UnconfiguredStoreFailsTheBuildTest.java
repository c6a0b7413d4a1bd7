package io.dynamokit.deployment.configstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.configstore.ConfigStoreName;
import io.quarkus.test.QuarkusUnitTest;

/** Injecting stores that are not configured fails the build, naming the property to set for each. */
public class UnconfiguredStoreFailsTheBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Consumer.class))
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"configured\".table", "StoreConfigured")
            .assertException(t -> {
                String message = String.valueOf(t.getMessage());
                for (Throwable cause = t.getCause(); cause != null; cause = cause.getCause()) {
                    message += "\n" + cause.getMessage();
                }
                assertThat(message).contains("config store @ConfigStoreName(\"flags\") is injected into "
                        + Consumer.class.getName())
                        .contains("but not configured: set quarkus.dynamokit.config-stores.\"flags\".table=<table name>"
                                + " in application.properties")
                        .contains("config store (the unnamed one, @Inject ConfigStore) is injected")
                        .contains("set quarkus.dynamokit.config-stores.table=<table name>")
                        .doesNotContain("\"configured\"");
            });

    @ApplicationScoped
    public static class Consumer {

        @Inject
        @ConfigStoreName("flags")
        ConfigStore flags;

        @Inject
        ConfigStore unnamed;

        @Inject
        @ConfigStoreName("configured")
        ConfigStore configured;
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
