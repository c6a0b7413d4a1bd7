package io.dynamokit.deployment.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * With Micrometer in the application, measurements are meters, tagged with low-cardinality tags only.
 */
public class MeasurementsBecomeMicrometerMetersTest {

    @Singleton
    public static class Registry {
        @Produces
        @Singleton
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(InstrumentedWorker.class, Registry.class))
            .overrideConfigKey("quarkus.application.name", "metered-app");

    @Inject
    InstrumentedWorker worker;

    @Inject
    SimpleMeterRegistry registry;

    @Test
    void attemptsAndFailuresAreCounted() {
        worker.listTables();
        worker.listTables();
        assertThatThrownBy(() -> worker.describeMissingTable()).isInstanceOf(ResourceNotFoundException.class);

        Timer listTables = registry.find("dynamokit.dynamodb.attempts")
                .tags("operation", "ListTables", "outcome", "success", "status", "200", "service", "metered-app",
                        "environment", "test", "table", "none")
                .timer();
        assertThat(listTables).isNotNull();
        assertThat(listTables.count()).isEqualTo(2);
        assertThat(registry.find("dynamokit.dynamodb.attempts").tags("operation", "DescribeTable",
                "outcome", "client_error", "table", "NotThere").timer().count()).isEqualTo(1);
        assertThat(registry.find("dynamokit.dynamodb.failures").tags("operation", "DescribeTable").counter().count())
                .isEqualTo(1.0);
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getTags()).noneMatch(tag -> tag.getKey().toLowerCase().contains("correlation"));
        }
    }
}
