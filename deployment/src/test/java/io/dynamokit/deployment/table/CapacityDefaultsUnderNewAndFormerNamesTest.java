package io.dynamokit.deployment.table;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A provisioned table and index declared without throughput get the capacity defaults:
 * {@code quarkus.dynamokit.table-defaults.*}, winning over their former names {@code quarkus.dynamokit.client.*},
 * which are still read when the new ones are not set.
 */
public class CapacityDefaultsUnderNewAndFormerNamesTest {

    static final String TABLE = "quarkus.dynamokit.tables.\"DefaultsThread\".";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.dynamokit.table-defaults.read-capacity-units", "7")
            .overrideConfigKey("quarkus.dynamokit.client.read-capacity-units", "9")
            .overrideConfigKey("quarkus.dynamokit.client.write-capacity-units", "3")
            .overrideConfigKey(TABLE + "hash-key", "ForumName:S")
            .overrideConfigKey(TABLE + "global-secondary-indexes.ByAuthor.hash-key", "Author:S");

    @Inject
    DynamoDbClient dynamo;

    @Test
    void newNameWinsAndFormerNameIsStillRead() {
        TableDescription table = dynamo.describeTable(b -> b.tableName("DefaultsThread")).table();
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(7L);
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.provisionedThroughput().readCapacityUnits()).isEqualTo(7L);
            assertThat(index.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
        });
    }
}
