package io.dynamokit.deployment.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * With Micrometer in the application, measurements of sync and async calls are meters, tagged with low-cardinality
 * tags only, and the capacity DynamoDB reports is counted.
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
            .withApplicationRoot(jar -> jar.addClasses(InstrumentedWorker.class, AsyncInstrumentedWorker.class,
                    MeasurementCollector.class, Registry.class))
            .overrideConfigKey("quarkus.application.name", "metered-app");

    @Inject
    InstrumentedWorker worker;

    @Inject
    AsyncInstrumentedWorker asyncWorker;

    @Inject
    MeasurementCollector collector;

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

    @Test
    void asyncAttemptsAreTimed() throws Exception {
        asyncWorker.createTable();

        long putsBefore = successfulAttempts("PutItem");
        long getsBefore = successfulAttempts("GetItem");

        asyncWorker.putThenGet("metered").get(30, TimeUnit.SECONDS);

        assertThat(successfulAttempts("PutItem")).isEqualTo(putsBefore + 1);
        assertThat(successfulAttempts("GetItem")).isEqualTo(getsBefore + 1);
        assertThat(successfulAttemptsTimer("GetItem").totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    private long successfulAttempts(String operation) {
        Timer timer = successfulAttemptsTimer(operation);
        return timer == null ? 0 : timer.count();
    }

    private Timer successfulAttemptsTimer(String operation) {
        return registry.find("dynamokit.dynamodb.attempts").tags("operation", operation, "outcome", "success",
                "status", "200", "table", AsyncInstrumentedWorker.TABLE, "service", "metered-app").timer();
    }

    @Test
    void consumedCapacityReportedByDynamoDbIsMeasuredAndCounted() {
        asyncWorker.createTable();
        collector.clear();

        PutItemResponse response = asyncWorker.putReportingCapacity("capacity");

        assertThat(response.consumedCapacity()).as("DynamoDB reports the capacity asked for").isNotNull();
        double reported = response.consumedCapacity().capacityUnits();
        assertThat(reported).isPositive();
        assertThat(collector.measurements()).singleElement().satisfies(m -> {
            assertThat(m.operation()).isEqualTo("PutItem");
            assertThat(m.consumedCapacity()).isEqualTo(reported);
        });
        Counter capacity = registry.find("dynamokit.dynamodb.consumed.capacity")
                .tags("operation", "PutItem", "table", AsyncInstrumentedWorker.TABLE).counter();
        assertThat(capacity).isNotNull();
        assertThat(capacity.count()).isEqualTo(reported);
    }
}
