package io.dynamokit.runtime.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.dynamokit.runtime.table.TableDefinition.IndexDefinition;
import io.dynamokit.runtime.table.TableDefinition.KeyAttribute;
import io.dynamokit.table.TableDiff;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * What the diff compares and what it leaves out, on descriptions shaped as DynamoDB sends them.
 */
class TableComparisonTest {

    static final String AWS_ARN = "arn:aws:dynamodb:eu-west-1:123456789012:table/Thread";
    static final KeyAttribute FORUM = new KeyAttribute("ForumName", ScalarAttributeType.S);
    static final KeyAttribute AUTHOR = new KeyAttribute("Author", ScalarAttributeType.S);

    static TableDefinition declared(BillingMode billing, Map<String, String> tags, TableClass tableClass) {
        long units = billing == BillingMode.PROVISIONED ? 5 : 0;
        return new TableDefinition("Thread", "Thread", FORUM, null, billing, units, units,
                List.of(new IndexDefinition("ByAuthor", AUTHOR, null, ProjectionType.KEYS_ONLY, List.of(), units, units)),
                List.of(), null, "ExpiresAt", new TreeMap<>(tags), false, tableClass);
    }

    static TableDescription.Builder described(String arn) {
        return TableDescription.builder().tableName("Thread").tableArn(arn).tableStatus(TableStatus.ACTIVE)
                .attributeDefinitions(attribute("ForumName"), attribute("Author"))
                .keySchema(KeySchemaElement.builder().attributeName("ForumName").keyType(KeyType.HASH).build())
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L).numberOfDecreasesToday(3L))
                .itemCount(42L).tableSizeBytes(4096L)
                .globalSecondaryIndexes(GlobalSecondaryIndexDescription.builder().indexName("ByAuthor")
                        .indexStatus(IndexStatus.ACTIVE).itemCount(7L)
                        .keySchema(KeySchemaElement.builder().attributeName("Author").keyType(KeyType.HASH).build())
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)).build());
    }

    static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    static TimeToLiveDescription timeToLive(TimeToLiveStatus status, String attribute) {
        return TimeToLiveDescription.builder().timeToLiveStatus(status).attributeName(attribute).build();
    }

    static List<String> diff(TableDefinition declared, ActualTable actual) {
        return TableComparison.diff(declared, actual).differences().stream().map(TableDiff.Difference::toString)
                .toList();
    }

    @Test
    void volatileFieldsAndAMissingBillingSummaryOfAProvisionedTableAreNoDifference() {
        ActualTable actual = new ActualTable(described(AWS_ARN).build(),
                timeToLive(TimeToLiveStatus.ENABLING, "ExpiresAt"), Map.of("aws:cloudformation:stack-name", "forum"));
        assertThat(diff(declared(BillingMode.PROVISIONED, Map.of(), TableClass.STANDARD), actual)).isEmpty();
    }

    @Test
    void tagsAreComparedKeyByKeyLeavingAwsTagsAlone() {
        ActualTable actual = new ActualTable(described(AWS_ARN).build(),
                timeToLive(TimeToLiveStatus.ENABLED, "ExpiresAt"),
                Map.of("team", "search", "owner", "ops", "aws:createdBy", "someone"));
        assertThat(diff(declared(BillingMode.PROVISIONED, Map.of("team", "forum", "env", "prod"), TableClass.STANDARD),
                actual)).containsExactly(
                        "Thread: tag env: missing",
                        "Thread: tag team: search != declared forum",
                        "Thread: tag owner: not declared");
    }

    @Test
    void indexThroughputOfAnOnDemandTableIsNotCompared() {
        // DynamoDB reports 0 read and write units for an on-demand table and each of its indexes
        ActualTable actual = new ActualTable(described(AWS_ARN)
                .billingModeSummary(b -> b.billingMode(BillingMode.PAY_PER_REQUEST))
                .provisionedThroughput(p -> p.readCapacityUnits(0L).writeCapacityUnits(0L))
                .globalSecondaryIndexes(GlobalSecondaryIndexDescription.builder().indexName("ByAuthor")
                        .indexStatus(IndexStatus.ACTIVE)
                        .keySchema(KeySchemaElement.builder().attributeName("Author").keyType(KeyType.HASH).build())
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .provisionedThroughput(p -> p.readCapacityUnits(0L).writeCapacityUnits(0L)).build())
                .build(),
                timeToLive(TimeToLiveStatus.ENABLED, "ExpiresAt"), Map.of());
        assertThat(diff(declared(BillingMode.PAY_PER_REQUEST, Map.of(), TableClass.STANDARD), actual)).isEmpty();
        assertThat(diff(declared(BillingMode.PROVISIONED, Map.of(), TableClass.STANDARD), actual))
                .containsExactly("Thread: billing mode PAY_PER_REQUEST != declared PROVISIONED");
    }

    @Test
    void tableClassIsComparedAndAMissingSummaryIsStandard() {
        TableDefinition infrequent = declared(BillingMode.PROVISIONED, Map.of(), TableClass.STANDARD_INFREQUENT_ACCESS);
        TimeToLiveDescription ttl = timeToLive(TimeToLiveStatus.ENABLED, "ExpiresAt");
        assertThat(diff(infrequent, new ActualTable(described(AWS_ARN).build(), ttl, Map.of())))
                .containsExactly("Thread: table class STANDARD != declared STANDARD_INFREQUENT_ACCESS");
        assertThat(diff(infrequent, new ActualTable(described(AWS_ARN)
                .tableClassSummary(s -> s.tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)).build(), ttl, Map.of())))
                .isEmpty();
        assertThat(diff(declared(BillingMode.PROVISIONED, Map.of(), TableClass.STANDARD),
                new ActualTable(described(AWS_ARN).build(), ttl, Map.of()))).isEmpty();
    }

    @Test
    void anIndexBeingDeletedCountsAsAbsentAndOneBeingCreatedAsPresent() {
        TableDescription deleting = described(AWS_ARN).globalSecondaryIndexes(GlobalSecondaryIndexDescription.builder()
                .indexName("ByAuthor").indexStatus(IndexStatus.DELETING).build()).build();
        assertThat(diff(declared(BillingMode.PROVISIONED, Map.of(), TableClass.STANDARD),
                new ActualTable(deleting, timeToLive(TimeToLiveStatus.DISABLED, null), Map.of()))).containsExactly(
                        "Thread: global secondary index ByAuthor: missing",
                        "Thread: time to live attribute none != declared ExpiresAt");
    }

    @Test
    void keyDifferencesNeedRecreationOthersDoNot() {
        TableDescription otherKey = described(AWS_ARN).attributeDefinitions(AttributeDefinition.builder()
                .attributeName("ForumName").attributeType(ScalarAttributeType.N).build(), attribute("Author")).build();
        TableDiff diff = TableComparison.diff(declared(BillingMode.PROVISIONED, Map.of(), TableClass.STANDARD),
                new ActualTable(otherKey, timeToLive(TimeToLiveStatus.DISABLED, null), Map.of()));
        assertThat(diff.requiringRecreation()).extracting(Object::toString)
                .containsExactly("Thread: hash key ForumName:N != declared ForumName:S");
        assertThat(diff.differences()).hasSize(2);
    }
}
