package io.dynamokit.test.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DescribeTableAndTaggingRulesTest {

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
    void tagsAreKeptByResourceAndListedAsDynamoDbDoes() {
        FaultRule rule = FaultRule.inMemoryTagging();
        InMemoryTags tags = rule.tags();
        String arn = "arn:aws:dynamodb:ddblocal:000000000000:table/T";

        assertThat(rule.matches("DynamoDB_20120810.ListTagsOfResource", bytes("{}"))).isTrue();
        assertThat(rule.matches("DynamoDB_20120810.TagResource", bytes("{}"))).isTrue();
        assertThat(rule.matches("DynamoDB_20120810.UntagResource", bytes("{}"))).isTrue();
        assertThat(rule.matches(DESCRIBE, bytes("{}"))).isFalse();

        assertThat(text(tags.answer("ListTagsOfResource", bytes("{\"ResourceArn\":\"" + arn + "\"}"))))
                .isEqualTo("{\"Tags\":[]}");
        assertThat(text(tags.answer("TagResource", bytes("{\"ResourceArn\":\"" + arn + "\",\"Tags\":["
                + "{\"Key\":\"team\",\"Value\":\"forum\"},{\"Key\":\"quote\",\"Value\":\"a \\\"b\\\"\"},"
                + "{\"Key\":\"old\",\"Value\":\"x\"}]}")))).isEqualTo("{}");
        assertThat(text(tags.answer("UntagResource", bytes("{\"ResourceArn\":\"" + arn + "\",\"TagKeys\":[\"old\"]}"))))
                .isEqualTo("{}");

        assertThat(rule.tagsOf(arn)).isEqualTo(Map.of("team", "forum", "quote", "a \"b\""));
        assertThat(rule.tagsOf("arn:other")).isEmpty();
        assertThat(text(tags.answer("ListTagsOfResource", bytes("{\"ResourceArn\":\"" + arn + "\"}"))))
                .isEqualTo("{\"Tags\":[{\"Key\":\"quote\",\"Value\":\"a \\\"b\\\"\"},{\"Key\":\"team\","
                        + "\"Value\":\"forum\"}]}");
        assertThatThrownBy(() -> FaultRule.delay(Duration.ZERO).tagsOf(arn))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aScalarMemberEndsWithItsObject() {
        assertThat(HttpWire.jsonMember("{\"a\":{\"b\":1},\"c\":2}", "c")).isEqualTo("2");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
