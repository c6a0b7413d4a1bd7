package io.dynamokit.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.model.AttributeValue;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredItemTest {

    private static Map<String, AttributeValue> item(int attributes) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = attributes - 1; i >= 0; i--) {
            item.put("a" + i, new AttributeValue.N(Integer.toString(i)));
        }
        return item;
    }

    @Test
    void keepsTheAttributesInTheirOrderAndEqualsTheMapItCameFrom() {
        Map<String, AttributeValue> plain = item(8);
        Map<String, AttributeValue> stored = StoredItem.of(plain);

        assertThat(stored).isInstanceOf(StoredItem.class).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(plain).isEqualTo(stored);
        assertThat(List.copyOf(stored.keySet())).containsExactlyElementsOf(plain.keySet());
        assertThat(List.copyOf(stored.values())).containsExactlyElementsOf(plain.values());
        assertThat(stored.get("a3")).isEqualTo(new AttributeValue.N("3"));
        assertThat(stored.get(new String("a5".toCharArray()))).isEqualTo(new AttributeValue.N("5"));
        assertThat(stored.get("a8")).isNull();
        assertThat(stored.get(null)).isNull();
        assertThat(stored.containsKey("a0")).isTrue();
        assertThat(stored.containsKey("b")).isFalse();
        assertThat(stored).hasSize(8);
        assertThat(StoredItem.of(stored)).isSameAs(stored);
        assertThat(StoredItem.of(Map.of())).isEmpty();
    }

    @Test
    void doesNotKeepTheMapItWasMadeFrom() {
        Map<String, AttributeValue> plain = item(3);
        Map<String, AttributeValue> stored = StoredItem.of(plain);
        plain.put("later", new AttributeValue.S("x"));

        assertThat(stored).hasSize(3).doesNotContainKey("later");
    }

    @Test
    void refusesChanges() {
        Map<String, AttributeValue> stored = StoredItem.of(item(2));

        assertThatThrownBy(() -> stored.put("a9", new AttributeValue.S("x")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> stored.remove("a0")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(stored::clear).isInstanceOf(UnsupportedOperationException.class);
        Iterator<Map.Entry<String, AttributeValue>> entries = stored.entrySet().iterator();
        Map.Entry<String, AttributeValue> first = entries.next();
        assertThatThrownBy(entries::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> first.setValue(new AttributeValue.S("x")))
                .isInstanceOf(UnsupportedOperationException.class);
        entries.next();
        assertThat(entries.hasNext()).isFalse();
    }

    @Test
    void largeItemsAreStoredAndUnchangeable() {
        Map<String, AttributeValue> stored = StoredItem.of(item(StoredItem.MAX_ATTRIBUTES + 1));

        assertThat(stored).isInstanceOf(StoredItem.class).isEqualTo(item(StoredItem.MAX_ATTRIBUTES + 1));
        assertThat(stored.get("a16")).isEqualTo(new AttributeValue.N("16"));
        assertThatThrownBy(() -> stored.put("x", new AttributeValue.S("x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
