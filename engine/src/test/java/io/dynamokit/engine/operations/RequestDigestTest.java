package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamokit.engine.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestDigestTest {

    private static String digest(String json) {
        return RequestDigest.of(Json.parseObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void membersInAnotherOrderAreTheSameParameters() {
        assertThat(digest("{\"Put\":{\"TableName\":\"t\",\"Item\":{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"1.50\"}}}}"))
                .isEqualTo(digest("{\"Put\":{\"Item\":{\"n\":{\"N\":\"1.50\"},\"id\":{\"S\":\"a\"}},\"TableName\":\"t\"}}"));
    }

    @Test
    void anyDifferentValueOrListOrderIsAnotherDigest() {
        String base = digest("{\"a\":[{\"S\":\"x\"},{\"S\":\"y\"}],\"b\":true}");
        assertThat(List.of(
                digest("{\"a\":[{\"S\":\"y\"},{\"S\":\"x\"}],\"b\":true}"),
                digest("{\"a\":[{\"S\":\"x\"},{\"S\":\"y\"}],\"b\":false}"),
                digest("{\"a\":[{\"S\":\"x\"},{\"S\":\"y\"}],\"b\":\"true\"}"),
                digest("{\"a\":[{\"S\":\"x\"},{\"S\":\"y\"}]}"),
                digest("{\"a\":[{\"S\":\"x\"},{\"S\":\"y\"}],\"b\":null}"),
                digest("{\"ab\":\"c\"}"),
                digest("{\"a\":\"bc\"}")))
                .doesNotContain(base)
                .doesNotHaveDuplicates();
    }
}
