package io.dynamokit.test.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class UnprocessedRuleTest {

    @Test
    void batchWriteRequestItemsComeBackAsUnprocessedItems() {
        String request = "{\"ReturnConsumedCapacity\":\"NONE\",\"RequestItems\":{\"T\":[{\"PutRequest\":{\"Item\":"
                + "{\"id\":{\"S\":\"a}\\\"b\"}}}}]}}";

        byte[] body = UnprocessedAnswer.body("DynamoDB_20120810.BatchWriteItem",
                request.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(
                "{\"UnprocessedItems\":{\"T\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"a}\\\"b\"}}}}]}}");
    }

    @Test
    void batchGetRequestItemsComeBackAsUnprocessedKeysWithNoResponses() {
        String request = "{\"RequestItems\":{\"T\":{\"Keys\":[{\"id\":{\"S\":\"1\"}}],\"ConsistentRead\":true}}}";

        byte[] body = UnprocessedAnswer.body("DynamoDB_20120810.BatchGetItem",
                request.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"Responses\":{},\"UnprocessedKeys\":"
                + "{\"T\":{\"Keys\":[{\"id\":{\"S\":\"1\"}}],\"ConsistentRead\":true}}}");
    }

    @Test
    void otherOperationsAreNotAnswered() {
        assertThat(UnprocessedAnswer.body("DynamoDB_20120810.PutItem",
                "{\"TableName\":\"T\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(UnprocessedAnswer.body("DynamoDB_20120810.BatchWriteItem",
                "{\"Other\":{\"RequestItems\":{}}}".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
