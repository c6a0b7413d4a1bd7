package io.dynamokit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dynamokit.engine.support.EngineTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * With a table status delay, code that waits for ACTIVE (the SDK's DynamoDbWaiter, or a poll of the index status)
 * can be tested: tables and indexes pass through CREATING, UPDATING and DELETING, and the waiters see them end.
 * A transitional state is checked only when the answer came back before the transition can have ended, so that
 * a slow machine makes a check weaker, never wrong.
 */
class TableStatusWaitersTest extends EngineTestBase {
    private static final Duration DELAY = Duration.ofMillis(1000);
    private static final Consumer<WaiterOverrideConfiguration.Builder> BOUNDED = c -> c
            .waitTimeout(Duration.ofSeconds(15))
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(50)));

    @Override
    protected EngineOptions options() {
        return EngineOptions.defaults().withTableStatusDelay(DELAY);
    }

    @Test
    void aTableWithAnIndexIsCreatingUntilTheWaiterSeesItActive() {
        Instant ends = Instant.now().plus(DELAY);
        TableDescription created = dynamo.createTable(r -> r.tableName("created")
                .attributeDefinitions(definition("pk"), definition("colour"))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .globalSecondaryIndexes(g -> g.indexName("byColour")
                        .keySchema(k -> k.attributeName("colour").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .billingMode("PAY_PER_REQUEST")).tableDescription();
        assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(created.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexStatus)
                .containsExactly(IndexStatus.CREATING);
        before(ends, () -> dynamo.describeTable(r -> r.tableName("created")).table(), creating -> {
            assertThat(creating.tableStatus()).isEqualTo(TableStatus.CREATING);
            assertThat(creating.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
        });
        before(ends, () -> catchThrowable(() -> dynamo.putItem(r -> r.tableName("created").item(item("pk",
                s("early"))))), thrown -> assertThat(thrown).isInstanceOf(ResourceNotFoundException.class));

        TableDescription active = dynamo.waiter().waitUntilTableExists(r -> r.tableName("created"), BOUNDED)
                .matched().response().orElseThrow().table();

        assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(active.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(active.creationDateTime()).isEqualTo(created.creationDateTime());
        dynamo.putItem(r -> r.tableName("created").item(item("pk", s("a"), "colour", s("red"))));
        assertThat(dynamo.query(r -> r.tableName("created").indexName("byColour")
                .keyConditionExpression("colour = :c").expressionAttributeValues(Map.of(":c", s("red")))).count())
                .isEqualTo(1);
    }

    @Test
    void anIndexAddedByUpdateTableIsCreatingWhileTheTableIsUpdating() {
        createHashTable("updated", ScalarAttributeType.S);
        dynamo.waiter().waitUntilTableExists(r -> r.tableName("updated"), BOUNDED);
        dynamo.putItem(r -> r.tableName("updated").item(item("pk", s("a"), "colour", s("blue"))));

        Instant ends = Instant.now().plus(DELAY);
        TableDescription updating = dynamo.updateTable(r -> r.tableName("updated")
                .attributeDefinitions(definition("colour"))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byColour")
                        .keySchema(k -> k.attributeName("colour").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))).tableDescription();

        assertThat(updating.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(updating.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
        before(ends, () -> dynamo.describeTable(r -> r.tableName("updated")).table(), described ->
                assertThat(described.tableStatus()).isEqualTo(TableStatus.UPDATING));
        // an UPDATING table serves items; its new index cannot be read until it is built
        dynamo.putItem(r -> r.tableName("updated").item(item("pk", s("b"), "colour", s("blue"))));
        before(ends, () -> catchThrowable(() -> dynamo.query(r -> r.tableName("updated").indexName("byColour")
                .keyConditionExpression("colour = :c").expressionAttributeValues(Map.of(":c", s("blue"))))),
                thrown -> assertThat(thrown).isInstanceOf(DynamoDbException.class)
                        .hasMessageStartingWith("Cannot read from backfilling global secondary index: byColour"));
        before(ends, () -> catchThrowable(() -> dynamo.deleteTable(r -> r.tableName("updated"))),
                thrown -> assertThat(thrown).isInstanceOf(ResourceInUseException.class)
                        .hasMessageStartingWith("Attempt to change a resource which is still in use: Table is being "
                                + "updated: updated"));

        TableDescription active = dynamo.waiter().waitUntilTableExists(r -> r.tableName("updated"), BOUNDED)
                .matched().response().orElseThrow().table();
        assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(active.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexStatus)
                .containsExactly(IndexStatus.ACTIVE);
        assertThat(dynamo.query(r -> r.tableName("updated").indexName("byColour")
                .keyConditionExpression("colour = :c").expressionAttributeValues(Map.of(":c", s("blue")))).count())
                .isEqualTo(2);
    }

    @Test
    void aDeletedTableIsDeletingUntilTheWaiterSeesItGone() {
        createHashTable("deleted", ScalarAttributeType.S);
        dynamo.waiter().waitUntilTableExists(r -> r.tableName("deleted"), BOUNDED);

        Instant ends = Instant.now().plus(DELAY);
        assertThat(dynamo.deleteTable(r -> r.tableName("deleted")).tableDescription().tableStatus())
                .isEqualTo(TableStatus.DELETING);
        before(ends, () -> dynamo.describeTable(r -> r.tableName("deleted")).table(), described ->
                assertThat(described.tableStatus()).isEqualTo(TableStatus.DELETING));
        before(ends, () -> dynamo.listTables().tableNames(), names -> assertThat(names).contains("deleted"));

        dynamo.waiter().waitUntilTableNotExists(r -> r.tableName("deleted"), BOUNDED);
        assertThat(dynamo.listTables().tableNames()).doesNotContain("deleted");
        // the name is free again
        createHashTable("deleted", ScalarAttributeType.S);
        dynamo.waiter().waitUntilTableExists(r -> r.tableName("deleted"), BOUNDED);
    }

    /** Checks an answer that came back before {@code ends}, when the transition was certainly still on. */
    private static <T> void before(Instant ends, Supplier<T> call, Consumer<T> check) {
        T answer = call.get();
        if (Instant.now().isBefore(ends)) {
            check.accept(answer);
        }
    }

    private static AttributeDefinition definition(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
