package io.dynamokit.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamokit.engine.model.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemKeyTokenTest {

    @Test
    void aRememberedTokenIsTheTokenOfTheValueAndNotOfAnotherInItsSlot() {
        List<AttributeValue> values = new ArrayList<>();
        List<Long> first = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            AttributeValue value = i % 3 == 0 ? new AttributeValue.N(Integer.toString(i))
                    : i % 3 == 1 ? new AttributeValue.S("key-" + i)
                    : new AttributeValue.B(("bytes-" + i).getBytes(StandardCharsets.UTF_8));
            values.add(value);
            first.add(ItemKey.token(value));
        }
        for (int round = 0; round < 2; round++) {
            for (int i = values.size() - 1; i >= 0; i--) {
                assertThat(ItemKey.token(values.get(i))).isEqualTo(first.get(i));
            }
        }
        // equal values in other objects have the same token, remembered or not
        assertThat(ItemKey.token(new AttributeValue.S("key-1"))).isEqualTo(first.get(1));
        assertThat(ItemKey.token(new AttributeValue.N("999"))).isEqualTo(first.get(999));
        assertThat(ItemKey.token(new AttributeValue.S("key-4"))).isNotEqualTo(first.get(1));
    }

    @Test
    void theTokenIsTheFirstEightBytesOfTheMd5OfTheKey() {
        // MD5("a") = 0cc175b9c0f1b6a8 31c399e269772661
        assertThat(ItemKey.token(new AttributeValue.S("a"))).isEqualTo(0x0cc175b9c0f1b6a8L);
    }
}
