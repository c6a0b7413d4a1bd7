package io.dynamokit.deployment.instrument;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.instrument.DynamoMeasurement;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Within an HTTP request, a DynamoDB request is credited to the innermost instrumented method running when it is
 * made; once an instrumented bean returned, the request's own calls are not measured.
 */
public class InstrumentedMethodsAreCreditedWithTheirOwnRequestsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(AttributionResource.class, InstrumentedWorker.class,
                    AsyncInstrumentedWorker.class, MeasurementCollector.class));

    @Inject
    MeasurementCollector collector;

    @BeforeEach
    void setup() {
        given().get("/attribution/setup").then().statusCode(200);
        collector.clear();
    }

    @Test
    void requestsAfterAnInstrumentedBeanReturnedAreNotMeasured() {
        given().header("X-Correlation-ID", "after-bean").get("/attribution/after-instrumented-bean")
                .then().statusCode(200);

        assertThat(collector.measurements()).singleElement().satisfies(m -> {
            assertThat(m.operation()).isEqualTo("ListTables");
            assertThat(m.method()).isEqualTo("InstrumentedWorker#listTables");
            assertThat(m.correlationId()).isEqualTo("after-bean");
        });
    }

    @Test
    void nestedInstrumentedMethodIsCreditedWithItsOwnRequestAndTheOuterOneAfterIt() {
        given().header("X-Correlation-ID", "nested").get("/attribution/nested").then().statusCode(200);

        List<DynamoMeasurement> measurements = collector.measurements();
        assertThat(measurements).extracting(DynamoMeasurement::operation)
                .containsExactly("DescribeTable", "ListTables", "DescribeTable");
        assertThat(measurements).extracting(DynamoMeasurement::method).containsExactly(
                "AttributionResource#nested", "InstrumentedWorker#listTables", "AttributionResource#nested");
        assertThat(measurements).extracting(DynamoMeasurement::correlationId).containsOnly("nested");
    }
}
