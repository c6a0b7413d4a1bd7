package io.dynamokit.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

public class ConfiguredPortInUseFailsStartupTest {

    private static final ServerSocket OCCUPIED = occupyAPort();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.dynamokit.devservices.port", String.valueOf(OCCUPIED.getLocalPort()))
            .assertException(t -> {
                Throwable cause = t;
                while (cause != null && (cause.getMessage() == null
                        || !cause.getMessage().contains("quarkus.dynamokit.devservices.port"))) {
                    cause = cause.getCause();
                }
                assertThat(cause).as("a cause naming the property, in %s", t).isNotNull();
                assertThat(cause.getMessage()).isEqualTo("quarkus.dynamokit.devservices.port is "
                        + OCCUPIED.getLocalPort() + ", but that port is already in use on 127.0.0.1: "
                        + "choose a free port, or leave it unset to pick a free port");
            });

    @Test
    void startupFails() {
        fail("the application must not start when the configured port is taken");
    }

    @AfterAll
    static void release() throws IOException {
        OCCUPIED.close();
    }

    private static ServerSocket occupyAPort() {
        try {
            return new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
