package io.dynamokit.engine.expressions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Short ways to write values, items and the expected ValidationException in the expression tests. */
final class Fixtures {
    private Fixtures() {
    }

    static AttributeValue s(String v) {
        return AttributeValue.s(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.n(v);
    }

    static AttributeValue b(String utf8) {
        return AttributeValue.b(utf8.getBytes(StandardCharsets.UTF_8));
    }

    static AttributeValue l(AttributeValue... values) {
        return new AttributeValue.L(List.of(values));
    }

    static AttributeValue ss(String... members) {
        return new AttributeValue.SS(new LinkedHashSet<>(Arrays.asList(members)));
    }

    static AttributeValue ns(String... members) {
        return new AttributeValue.NS(new LinkedHashSet<>(Arrays.asList(members)));
    }

    static AttributeValue bs(String... utf8) {
        LinkedHashSet<AttributeValue.B> set = new LinkedHashSet<>();
        for (String m : utf8) {
            set.add((AttributeValue.B) b(m));
        }
        return new AttributeValue.BS(set);
    }

    static AttributeValue m(Object... keysAndValues) {
        return new AttributeValue.M(map(keysAndValues));
    }

    /** An item (or map) from alternating names and values. */
    static Map<String, AttributeValue> map(Object... keysAndValues) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], (AttributeValue) keysAndValues[i + 1]);
        }
        return out;
    }

    static Map<String, String> names(String... refsAndNames) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < refsAndNames.length; i += 2) {
            out.put(refsAndNames[i], refsAndNames[i + 1]);
        }
        return out;
    }

    static void assertValidation(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DynamoException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.shortType()).isEqualTo("ValidationException");
            org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
