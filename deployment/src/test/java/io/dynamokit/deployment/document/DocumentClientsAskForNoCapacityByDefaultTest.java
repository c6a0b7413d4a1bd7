package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.DocumentClient;
import io.dynamokit.instrument.DynamoMeasurement;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Without {@code quarkus.dynamokit.document.return-consumed-capacity}, the document client's requests do not ask for
 * consumed capacity, so DynamoDB reports none and the measurements carry none.
 */
public class DocumentClientsAskForNoCapacityByDefaultTest {

    static final String TABLE = "NoCapacity";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(DocumentFixtures.class,
                    Measurements.class,
                    InstrumentedCalls.class));

    @Inject
    DocumentClient documents;

    @Inject
    Measurements measurements;

    @Inject
    InstrumentedCalls instrumented;

    @Test
    void measurementsCarryNoCapacity() {
        documents.createTable(DocumentFixtures.keyedBy(TABLE, "id"));
        documents.awaitActive(TABLE, Duration.ofSeconds(30));
        measurements.take();

        instrumented.run(() -> {
            documents.putItem(TABLE, Map.of("id", "a"));
            documents.getItem(TABLE, Map.of("id", "a"));
        });

        assertThat(measurements.take()).extracting(DynamoMeasurement::operation).containsExactly("PutItem", "GetItem");
        instrumented.run(() -> documents.putItem(TABLE, Map.of("id", "b")));
        assertThat(measurements.take()).singleElement()
                .satisfies(m -> assertThat(m.consumedCapacity()).as("capacity of %s", m).isNull());
    }
}
