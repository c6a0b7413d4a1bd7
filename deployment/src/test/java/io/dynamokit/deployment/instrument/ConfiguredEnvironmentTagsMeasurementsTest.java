package io.dynamokit.deployment.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.dynamokit.instrumentation.environment} replaces the profile as the environment of measurements.
 */
public class ConfiguredEnvironmentTagsMeasurementsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(InstrumentedWorker.class, MeasurementCollector.class))
            .overrideConfigKey("quarkus.dynamokit.instrumentation.environment", "staging-eu");

    @Inject
    InstrumentedWorker worker;

    @Inject
    MeasurementCollector collector;

    @Test
    void measurementsCarryTheConfiguredEnvironment() {
        worker.listTables();

        assertThat(collector.measurements()).singleElement()
                .satisfies(m -> assertThat(m.environment()).isEqualTo("staging-eu"));
    }
}
