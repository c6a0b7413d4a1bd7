package io.dynamokit.test.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DescribeTableRulesTest {

    private static final String DESCRIBE = "DynamoDB_20120810.DescribeTable";
    private static final String ANSWER = "{\"Table\":{\"AttributeDefinitions\":[{\"AttributeName\":\"Id\","
            + "\"AttributeType\":\"S\"}],\"TableName\":\"T\",\"TableStatus\":\"ACTIVE\",\"GlobalSecondaryIndexes\":["
            + "{\"IndexName\":\"A\",\"IndexStatus\":\"ACTIVE\",\"Projection\":{\"ProjectionType\":\"ALL\"}},"
            + "{\"IndexName\":\"B\",\"IndexStatus\":\"ACTIVE\"}],\"LocalSecondaryIndexes\":[{\"IndexName\":\"L\"}]}}";

    @Test
    void theTableStatusIsRewrittenForThatTableOnly() {
        FaultRule rule = FaultRule.rewriteDescribeTable("T", "CREATING");

        assertThat(rule.matches(DESCRIBE, bytes("{\"TableName\":\"T\"}"))).isTrue();
        assertThat(rule.matches(DESCRIBE, bytes("{\"TableName\":\"T2\"}"))).isFalse();
        assertThat(rule.matches("DynamoDB_20120810.PutItem", bytes("{\"TableName\":\"T\"}"))).isFalse();
        assertThat(text(rule.rewrite().rewrite(bytes(ANSWER)))).isEqualTo(ANSWER.replace(
                "\"TableStatus\":\"ACTIVE\"", "\"TableStatus\":\"CREATING\""));
        assertThat(rule.outcome()).isEqualTo(RecordedRequest.OUTCOME_REWRITTEN);
    }

    @Test
    void oneIndexStatusIsRewritten() {
        FaultRule rule = FaultRule.rewriteDescribeTableIndex("T", "B", "UPDATING");

        assertThat(text(rule.rewrite().rewrite(bytes(ANSWER)))).isEqualTo(ANSWER.replace(
                "{\"IndexName\":\"B\",\"IndexStatus\":\"ACTIVE\"}", "{\"IndexName\":\"B\",\"IndexStatus\":\"UPDATING\"}"));
        assertThat(text(FaultRule.rewriteDescribeTableIndex("T", "L", "CREATING").rewrite().rewrite(bytes(ANSWER))))
                .as("a local index has no status of its own").isEqualTo(ANSWER);
        assertThatThrownBy(() -> FaultRule.rewriteDescribeTable("T", "not a status"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid status: not a status");
    }

    @Test
    void aScalarMemberEndsWithItsObject() {
        assertThat(UnprocessedAnswer.jsonMember("{\"a\":{\"b\":1},\"c\":2}", "c")).isEqualTo("2");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
