package io.dynamokit.engine.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamokit.engine.support.EngineTestBase;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ProtocolTest extends EngineTestBase {

    @Test
    void answersCarryRequestIdCrcAndContentType() {
        RawAnswer answer = post("DescribeEndpoints", "{}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(answer.header("x-amzn-RequestId")).hasSize(52);
        CRC32 crc = new CRC32();
        crc.update(answer.body().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.header("x-amz-crc32")).isEqualTo(Long.toString(crc.getValue()));
        assertThat(answer.body()).contains("\"Address\":\"dynamodb.eu-west-1.amazonaws.com\"");
    }

    @Test
    void malformedJsonIsASerializationException() {
        RawAnswer answer = post("DescribeLimits", "{\"TableName\": ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"__type\":\"com.amazon.coral.service#SerializationException\"");
    }

    @Test
    void aBodyThatIsNotAnObjectIsASerializationException() {
        RawAnswer answer = post("DescribeLimits", "[1, 2]");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("SerializationException");
    }

    @Test
    void unknownTargetIsAnUnknownOperationException() {
        RawAnswer answer = post("DynamoDB_20120810.DoSomething", "{}", SIGNED);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
        assertThat(post(null, "{}", SIGNED).body()).contains("UnknownOperationException");
        assertThat(post("Other_20120810.DescribeLimits", "{}", SIGNED).body()).contains("UnknownOperationException");
    }

    @Test
    void unsignedRequestIsRefused() {
        RawAnswer answer = post("DynamoDB_20120810.DescribeLimits", "{}", null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#MissingAuthenticationTokenException\","
                + "\"message\":\"Request is missing Authentication Token\"}");
        assertThat(post("DynamoDB_20120810.DescribeLimits", "{}", "Basic abc").body())
                .contains("MissingAuthenticationTokenException");
    }

    @Test
    void signedRegionIsReadFromTheCredentialScope() {
        assertThat(HttpFront.signedRegion(SIGNED)).isEqualTo("eu-west-1");
        assertThat(HttpFront.signedRegion("AWS4-HMAC-SHA256 Credential=k, Signature=x")).isEqualTo("us-east-1");
        assertThat(HttpFront.signedRegion(null)).isNull();
    }
}
