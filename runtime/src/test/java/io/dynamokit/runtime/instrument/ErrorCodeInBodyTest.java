package io.dynamokit.runtime.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ErrorCodeInBodyTest {

    @Test
    void errorCodeIsReadFromTheJsonBody() {
        assertThat(InstrumentationInterceptor.errorCodeIn(
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\",\"message\":\"x\"}"
                        .getBytes(StandardCharsets.UTF_8))).isEqualTo("ProvisionedThroughputExceededException");
        assertThat(InstrumentationInterceptor.errorCodeIn("{\"message\":\"no type\"}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(InstrumentationInterceptor.errorCodeIn("{\"__type\" : \"ValidationException\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ValidationException");
    }
}
