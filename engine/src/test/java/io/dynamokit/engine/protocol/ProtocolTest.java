package io.dynamokit.engine.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamokit.engine.support.EngineTestBase;
import io.dynamokit.engine.support.RawHttp;
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

    @Test
    void getAnswersDynamoDbsHealthTextAndHeadTheHeaderFieldsOfAPost() {
        try (RawHttp client = new RawHttp(engine.port())) {
            RawHttp.Answer health = client.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").read();
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.header("Content-Type")).isEqualTo("text/plain");
            assertThat(health.text()).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
            RawHttp.Answer head = client.send("HEAD / HTTP/1.1\r\nHost: localhost\r\n\r\n").readHead();
            assertThat(head.status()).isEqualTo(400);
            assertThat(head.header("Content-Type")).isEqualTo("application/x-amz-json-1.0");
            assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(
                    "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}".length()));
            assertThat(client.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void aBodyOverTwentyMegabytesIsRefusedAsDynamoDbDoes() {
        try (RawHttp client = new RawHttp(engine.port())) {
            RawHttp.Answer answer = client.send("POST / HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Amz-Target: DynamoDB_20120810.PutItem\r\nContent-Length: 20971521\r\n\r\n{").read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.text()).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\","
                    + "\"Message\":\"Request entity too large\"}");
            CRC32 crc = new CRC32();
            crc.update(answer.body());
            assertThat(answer.header("x-amz-crc32")).isEqualTo(Long.toString(crc.getValue()));
            assertThat(answer.header("x-amzn-RequestId")).hasSize(52);
            assertThat(client.closedByServer()).isTrue();
        }
    }
}
