package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A value of {@code quarkus.dynamokit.document.return-consumed-capacity} that is not one of its three stops the start,
 * naming the property, the value and the values it accepts.
 */
public class InvalidConsumedCapacitySettingFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.dynamokit.document.return-consumed-capacity", "sometimes")
            .assertException(t -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable error = t; error != null; error = error.getCause()) {
                    messages.append(error.getMessage()).append('\n');
                }
                assertThat(messages.toString())
                        .contains("quarkus.dynamokit.document.return-consumed-capacity")
                        .contains("sometimes")
                        .containsIgnoringCase("none")
                        .containsIgnoringCase("total")
                        .containsIgnoringCase("indexes");
            });

    @Test
    void startupFails() {
        fail("the application must not start with an invalid return-consumed-capacity");
    }
}
