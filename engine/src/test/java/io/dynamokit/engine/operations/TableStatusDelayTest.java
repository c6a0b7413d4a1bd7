package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.EngineOptions;
import io.dynamokit.engine.support.EngineTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class TableStatusDelayTest extends EngineTestBase {

    @Override
    protected EngineOptions options() {
        return EngineOptions.defaults().withTableStatusDelay(Duration.ofMillis(300));
    }

    @Test
    void tablesAreCreatingThenActiveThenDeletingThenGone() {
        createHashTable("slow", ScalarAttributeType.S);
        assertThat(dynamo.describeTable(r -> r.tableName("slow")).table().tableStatus())
                .isEqualTo(TableStatus.CREATING);
        assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName("slow").key(item("pk", s("a")))))
                .isInstanceOf(ResourceNotFoundException.class);
        dynamo.waiter().waitUntilTableExists(r -> r.tableName("slow"),
                c -> c.waitTimeout(Duration.ofSeconds(10)).backoffStrategy(
                        software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy.create(
                                Duration.ofMillis(50))));
        assertThat(dynamo.describeTable(r -> r.tableName("slow")).table().tableStatus())
                .isEqualTo(TableStatus.ACTIVE);
        dynamo.deleteTable(r -> r.tableName("slow"));
        assertThat(dynamo.describeTable(r -> r.tableName("slow")).table().tableStatus())
                .isEqualTo(TableStatus.DELETING);
        dynamo.waiter().waitUntilTableNotExists(r -> r.tableName("slow"),
                c -> c.waitTimeout(Duration.ofSeconds(10)).backoffStrategy(
                        software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy.create(
                                Duration.ofMillis(50))));
        assertThat(dynamo.listTables().tableNames()).doesNotContain("slow");
    }
}
