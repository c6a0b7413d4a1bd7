package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamokit.engine.EngineOptions;
import io.dynamokit.engine.support.EngineTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class TableStatusDelayTest extends EngineTestBase {

    @Override
    protected EngineOptions options() {
        return EngineOptions.defaults().withTableStatusDelay(Duration.ofMillis(500));
    }

    @Test
    void waitersSeeTablesBecomeActiveAndThenGone() {
        var created = dynamo.createTable(r -> r.tableName("slow")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        assertThat(created.tableDescription().tableStatus()).isEqualTo(TableStatus.CREATING);
        dynamo.waiter().waitUntilTableExists(r -> r.tableName("slow"),
                c -> c.waitTimeout(Duration.ofSeconds(20)).backoffStrategy(
                        FixedDelayBackoffStrategy.create(Duration.ofMillis(50))));
        assertThat(dynamo.describeTable(r -> r.tableName("slow")).table().tableStatus())
                .isEqualTo(TableStatus.ACTIVE);
        assertThat(dynamo.deleteTable(r -> r.tableName("slow")).tableDescription().tableStatus())
                .isEqualTo(TableStatus.DELETING);
        dynamo.waiter().waitUntilTableNotExists(r -> r.tableName("slow"),
                c -> c.waitTimeout(Duration.ofSeconds(20)).backoffStrategy(
                        FixedDelayBackoffStrategy.create(Duration.ofMillis(50))));
        assertThat(dynamo.listTables().tableNames()).doesNotContain("slow");
    }
}
