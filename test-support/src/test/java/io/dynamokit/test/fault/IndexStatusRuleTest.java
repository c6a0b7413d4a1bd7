package io.dynamokit.test.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class IndexStatusRuleTest {

    @Test
    void everyGlobalIndexReportsTheStatusAndTheTableKeepsItsOwn() {
        String answer = "{\"Table\":{\"TableName\":\"T\",\"TableStatus\":\"ACTIVE\",\"GlobalSecondaryIndexes\":["
                + "{\"IndexName\":\"a\",\"IndexStatus\":\"ACTIVE\"},{\"IndexName\":\"b\",\"IndexStatus\" : \"UPDATING\"}]}}";

        byte[] rewritten = FaultRule.indexStatus("CREATING").rewriteIndexStatus(answer.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(rewritten, StandardCharsets.UTF_8)).isEqualTo(
                "{\"Table\":{\"TableName\":\"T\",\"TableStatus\":\"ACTIVE\",\"GlobalSecondaryIndexes\":["
                        + "{\"IndexName\":\"a\",\"IndexStatus\":\"CREATING\"},{\"IndexName\":\"b\",\"IndexStatus\":\"CREATING\"}]}}");
    }

    @Test
    void theRuleMatchesDescribeTableOnly() {
        FaultRule rule = FaultRule.indexStatus("CREATING");

        assertThat(rule.matches("DynamoDB_20120810.DescribeTable")).isTrue();
        assertThat(rule.matches("DynamoDB_20120810.GetItem")).isFalse();
        assertThat(rule.outcome()).isEqualTo(RecordedRequest.OUTCOME_INDEX_STATUS);
    }

    @Test
    void aStatusThatCouldBreakTheJsonIsRefused() {
        assertThatThrownBy(() -> FaultRule.indexStatus("CREATING\",\"x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid index status: CREATING\",\"x");
    }
}
