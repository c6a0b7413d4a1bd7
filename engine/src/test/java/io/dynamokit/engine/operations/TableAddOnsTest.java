package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.support.EngineTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/** The describe calls for what the engine does not have, answered as DynamoDB answers for a table without it. */
class TableAddOnsTest extends EngineTestBase {

    @BeforeAll
    void createTable() {
        createHashTable("plain", ScalarAttributeType.S);
    }

    @Test
    void continuousBackupsAreOnAndPointInTimeRecoveryOff() {
        var description = dynamo.describeContinuousBackups(r -> r.tableName("plain")).continuousBackupsDescription();
        assertThat(description.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
        assertThat(description.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.DISABLED);

        assertThatThrownBy(() -> dynamo.describeContinuousBackups(r -> r.tableName("missing")))
                .isInstanceOf(TableNotFoundException.class)
                .hasMessageStartingWith("Table not found: missing");
    }

    @Test
    void noTableHasBackups() {
        assertThat(dynamo.listBackups(r -> r.tableName("plain")).backupSummaries()).isEmpty();
        assertThat(dynamo.listBackups(r -> { }).backupSummaries()).isEmpty();
        assertThatThrownBy(() -> dynamo.listBackups(r -> r.limit(0)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("1 validation error detected: Value '0' at 'limit' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void noTableStreamsToKinesis() {
        var answer = dynamo.describeKinesisStreamingDestination(r -> r.tableName("plain"));
        assertThat(answer.tableName()).isEqualTo("plain");
        assertThat(answer.kinesisDataStreamDestinations()).isEmpty();

        assertThatThrownBy(() -> dynamo.describeKinesisStreamingDestination(r -> r.tableName("missing")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: missing not found");
    }

    @Test
    void contributorInsightsAreDisabled() {
        var answer = dynamo.describeContributorInsights(r -> r.tableName("plain"));
        assertThat(answer.tableName()).isEqualTo("plain");
        assertThat(answer.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);

        assertThatThrownBy(() -> dynamo.describeContributorInsights(r -> r.tableName("missing")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: missing not found");
        assertThatThrownBy(() -> dynamo.describeContributorInsights(r -> r.tableName("plain").indexName("ix")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("IndexName must be at least 3 characters long and at most 255 characters "
                        + "long");
        assertThatThrownBy(() -> dynamo.describeContributorInsights(r -> r.tableName("plain").indexName("ghost")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Index ghost for table plain");
    }
}
