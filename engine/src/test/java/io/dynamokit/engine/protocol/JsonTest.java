package io.dynamokit.engine.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dynamokit.engine.model.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Answers' strings: the bytes written for plain ASCII are the ones Jackson writes, and every string reads back. */
class JsonTest {

    static List<String> strings() {
        String plain = "lorem ipsum dolor sit amet, consectetur adipiscing elit #0123456789 ~!@$%^&*()_+{}[]|:;'<>,.?/";
        return List.of("", "short", "exactly 16 chars", "15 chars, plain", plain, plain.repeat(20),
                plain + "\"quoted\"", plain + "back\\slash", plain + "tab\there", plain + "new\nline",
                plain + "\u0000nul", plain + "\u007fdel", plain + "caf\u00e9", plain + "\u20ac euro",
                plain + "\ud83d\ude00 emoji", plain + "</script>", plain + "lone \ud83d surrogate",
                plain + "lone \ude00 low", plain + "? question marks ?", "\ud83d" + plain, "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
                        + "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9");
    }

    @ParameterizedTest
    @MethodSource("strings")
    void aStringIsWrittenAsJacksonWritesItAndReadsBack(String text) throws IOException {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("Item", Map.of("s", new AttributeValue.S(text)));
        tree.put("plain", text);

        byte[] written = Json.write(tree);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(expected)) {
            g.writeStartObject();
            g.writeFieldName("Item");
            g.writeStartObject();
            g.writeFieldName("s");
            g.writeStartObject();
            g.writeStringField("S", text);
            g.writeEndObject();
            g.writeEndObject();
            g.writeStringField("plain", text);
            g.writeEndObject();
        }
        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo(new String(expected.toByteArray(), StandardCharsets.UTF_8));
        Map<String, Object> read = Json.parseObject(written);
        assertThat(read.get("plain")).isEqualTo(text);
        assertThat(read.get("Item")).isEqualTo(Map.of("s", Map.of("S", text)));
    }
}
