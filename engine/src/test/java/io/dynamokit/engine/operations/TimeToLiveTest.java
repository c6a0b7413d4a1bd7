package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.support.EngineTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TimeToLiveTest extends EngineTestBase {

    private TimeToLiveDescription describe(String table) {
        return dynamo.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
    }

    private void update(String table, String attribute, boolean enabled) {
        dynamo.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(enabled)));
    }

    @Test
    void enablingAndDisablingShowInTheDescription() {
        createHashTable("ttl-states", ScalarAttributeType.S);
        assertThat(describe("ttl-states").timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
        assertThat(describe("ttl-states").attributeName()).isNull();

        var answer = dynamo.updateTimeToLive(r -> r.tableName("ttl-states")
                .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));
        assertThat(answer.timeToLiveSpecification().attributeName()).isEqualTo("expiresAt");
        assertThat(answer.timeToLiveSpecification().enabled()).isTrue();
        assertThat(describe("ttl-states").timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(describe("ttl-states").attributeName()).isEqualTo("expiresAt");

        update("ttl-states", "expiresAt", false);
        assertThat(describe("ttl-states").timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
        update("ttl-states", "other", true);
        assertThat(describe("ttl-states").attributeName()).isEqualTo("other");
    }

    @Test
    void changesThatChangeNothingOrAnotherAttributeAreRefused() {
        createHashTable("ttl-refusals", ScalarAttributeType.S);
        assertValidation("ttl-refusals", "expiresAt", false, "TimeToLive is already disabled");
        update("ttl-refusals", "expiresAt", true);
        assertValidation("ttl-refusals", "expiresAt", true, "TimeToLive is already enabled");
        assertValidation("ttl-refusals", "other", true,
                "TimeToLive is active on a different AttributeName: current AttributeName is expiresAt");
        assertValidation("ttl-refusals", "other", false,
                "TimeToLive is active on a different AttributeName: current AttributeName is expiresAt");
        assertThat(describe("ttl-refusals").attributeName()).isEqualTo("expiresAt");
    }

    @Test
    void theSpecificationIsCheckedBeforeTheTable() {
        assertValidation("missing", "", true, "1 validation error detected: Value '' at "
                + "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length "
                + "greater than or equal to 1");
        String longName = "a".repeat(256);
        assertValidation("missing", longName, true, "1 validation error detected: Value '" + longName + "' at "
                + "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length "
                + "less than or equal to 255");
        RawAnswer answer = post("UpdateTimeToLive", "{\"TableName\":\"missing\",\"TimeToLiveSpecification\":{}}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("2 validation errors detected: Value null at "
                + "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be "
                + "null");
        answer = post("UpdateTimeToLive", "{\"TableName\":\"missing\"}");
        assertThat(answer.body()).contains("1 validation error detected: Value null at 'timeToLiveSpecification' "
                + "failed to satisfy constraint: Member must not be null");
        answer = post("DescribeTimeToLive", "{}");
        assertThat(answer.body()).contains("The parameter 'TableName' is required but was not present in the request");
    }

    @Test
    void aMissingTableIsNotFound() {
        assertThatThrownBy(() -> describe("missing"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: missing not found");
        assertThatThrownBy(() -> update("missing", "expiresAt", true))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: missing not found");
    }

    @Test
    void itemsWhoseNumberOfEpochSecondsHasPassedAreDeletedWithTheirIndexEntries() {
        dynamo.createTable(r -> r.tableName("ttl-expiry")
                .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("kind").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .globalSecondaryIndexes(g -> g.indexName("byKind").keySchema(k -> k.attributeName("kind")
                        .keyType("HASH")).projection(p -> p.projectionType(ProjectionType.ALL)))
                .billingMode("PAY_PER_REQUEST"));
        update("ttl-expiry", "expiresAt", true);
        long now = Instant.now().getEpochSecond();
        put("past", n(Long.toString(now - 60)));
        put("past-fraction", n((now - 60) + ".5"));
        put("future", n(Long.toString(now + 3600)));
        put("as-string", s(Long.toString(now - 60)));
        put("as-set", AttributeValue.fromNs(List.of(Long.toString(now - 60))));
        put("six-years-ago", n(Long.toString(now - Duration.ofDays(6 * 365).getSeconds())));
        dynamo.putItem(r -> r.tableName("ttl-expiry").item(item("pk", s("no-attribute"), "kind", s("k"))));

        waitUntil(() -> get("past") == null && get("past-fraction") == null, Duration.ofSeconds(15));

        assertThat(get("future")).isNotNull();
        assertThat(get("as-string")).isNotNull();
        assertThat(get("as-set")).isNotNull();
        assertThat(get("six-years-ago")).isNotNull();
        assertThat(get("no-attribute")).isNotNull();
        var inIndex = dynamo.query(r -> r.tableName("ttl-expiry").indexName("byKind")
                .keyConditionExpression("kind = :k").expressionAttributeValues(Map.of(":k", s("k")))).items();
        assertThat(inIndex).extracting(i -> i.get("pk").s())
                .containsExactlyInAnyOrder("future", "as-string", "as-set", "six-years-ago", "no-attribute");
        assertThat(dynamo.describeTable(r -> r.tableName("ttl-expiry")).table().itemCount()).isEqualTo(5);
    }

    @Test
    void nothingExpiresWhileTimeToLiveIsDisabled() {
        createHashTable("ttl-off", ScalarAttributeType.S);
        createHashTable("ttl-on", ScalarAttributeType.S);
        update("ttl-on", "expiresAt", true);
        long past = Instant.now().getEpochSecond() - 60;
        dynamo.putItem(r -> r.tableName("ttl-off").item(item("pk", s("kept"), "expiresAt", n(Long.toString(past)))));
        dynamo.putItem(r -> r.tableName("ttl-on").item(item("pk", s("gone"), "expiresAt", n(Long.toString(past)))));

        // Once the enabled table's item is gone, at least one sweep has passed over the disabled table too.
        waitUntil(() -> dynamo.getItem(r -> r.tableName("ttl-on").key(item("pk", s("gone")))).item().isEmpty(),
                Duration.ofSeconds(15));
        assertThat(dynamo.getItem(r -> r.tableName("ttl-off").key(item("pk", s("kept")))).item()).isNotEmpty();
    }

    private void put(String pk, AttributeValue expiresAt) {
        dynamo.putItem(r -> r.tableName("ttl-expiry").item(item("pk", s(pk), "kind", s("k"), "expiresAt", expiresAt)));
    }

    private Map<String, AttributeValue> get(String pk) {
        var answer = dynamo.getItem(r -> r.tableName("ttl-expiry").key(item("pk", s(pk))).consistentRead(true));
        return answer.hasItem() ? answer.item() : null;
    }

    private static void waitUntil(BooleanSupplier condition, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + limit);
            }
            // A short pause between polls of the exact condition, so the poll does not crowd out the sweep.
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    private void assertValidation(String table, String attribute, boolean enabled, String message) {
        assertThatThrownBy(() -> update(table, attribute, enabled))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
    }
}
