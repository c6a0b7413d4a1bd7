package io.dynamokit.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.ItemSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every attribute value type read back from a stored item exactly as it was written, with its DynamoDB size. */
class StoredItemCodecTest {

    private static AttributeValue s(String value) {
        return new AttributeValue.S(value);
    }

    private static AttributeValue n(String text) {
        return AttributeValue.n(text);
    }

    private static AttributeValue.B b(int... bytes) {
        byte[] array = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            array[i] = (byte) bytes[i];
        }
        return new AttributeValue.B(array);
    }

    @SafeVarargs
    private static <T> Set<T> ordered(T... members) {
        return new LinkedHashSet<>(Arrays.asList(members));
    }

    private static Map<String, AttributeValue> map(Object... namesAndValues) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return map;
    }

    /** Stores the item, reads it back every way a map is read, and checks the size against ItemSize. */
    private static StoredItem roundTrip(Map<String, AttributeValue> item) {
        StoredItem stored = StoredItem.of(item);
        assertThat(stored).isEqualTo(item).hasSameHashCodeAs(item).hasSize(item.size());
        assertThat(item).isEqualTo(stored);
        assertThat(List.copyOf(stored.keySet())).containsExactlyElementsOf(item.keySet());
        assertThat(List.copyOf(stored.values())).containsExactlyElementsOf(item.values());
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            AttributeValue read = stored.get(attribute.getKey());
            assertThat(read).isEqualTo(attribute.getValue());
            assertSameOrder(read, attribute.getValue());
        }
        List<String> visited = new ArrayList<>();
        stored.forEach((name, value) -> {
            visited.add(name);
            assertThat(value).isEqualTo(item.get(name));
        });
        assertThat(visited).containsExactlyElementsOf(item.keySet());
        assertThat(stored.dynamoDbSize()).isEqualTo(ItemSize.of(item)).isEqualTo(ItemSize.of(stored))
                .isEqualTo(ItemSizes.of(stored)).isEqualTo(ItemSizes.of(item));
        return stored;
    }

    /** Equality of sets and maps ignores order: the order is checked member by member. */
    private static void assertSameOrder(AttributeValue read, AttributeValue written) {
        if (written instanceof AttributeValue.SS ss) {
            assertThat(((AttributeValue.SS) read).values()).containsExactlyElementsOf(ss.values());
        } else if (written instanceof AttributeValue.NS ns) {
            assertThat(((AttributeValue.NS) read).values()).containsExactlyElementsOf(ns.values());
        } else if (written instanceof AttributeValue.BS bs) {
            assertThat(((AttributeValue.BS) read).values()).containsExactlyElementsOf(bs.values());
        } else if (written instanceof AttributeValue.M m) {
            Map<String, AttributeValue> readValues = ((AttributeValue.M) read).values();
            assertThat(List.copyOf(readValues.keySet())).containsExactlyElementsOf(m.values().keySet());
            for (Map.Entry<String, AttributeValue> entry : m.values().entrySet()) {
                assertSameOrder(readValues.get(entry.getKey()), entry.getValue());
            }
        } else if (written instanceof AttributeValue.L l) {
            List<AttributeValue> readValues = ((AttributeValue.L) read).values();
            for (int i = 0; i < l.values().size(); i++) {
                assertSameOrder(readValues.get(i), l.values().get(i));
            }
        }
    }

    @Test
    void scalarsOfEveryType() {
        roundTrip(map("s", s("text"), "empty", s(""), "n", n("123.45"), "negative", n("-0.000120"),
                "zero", n("0"), "large", n("9.9999999999999999999999999999999999999E+125"), "small", n("1E-130"),
                "b", b(0, 1, 127, 128, 255), "emptyBinary", b(), "true", AttributeValue.TRUE, "false",
                AttributeValue.FALSE, "null", AttributeValue.NULL_VALUE));
    }

    @Test
    void textOutsideLatin1AndSurrogates() {
        roundTrip(map("\u540d\u524d", s("non-Latin-1 name"), "latin1", s("caf\u00e9 \u00ff\u0080"), "twoBytes",
                s("\u0100\u07ff"), "threeBytes", s("\u0800\u20ac\uffff"), "pair", s("a\uD83D\uDE00b"), "pairs",
                s("\uD83D\uDE00\uD800\uDC00\uDBFF\uDFFF"), "loneHigh", s("x\uD83Dy"), "loneLow", s("\uDE00"),
                "highAtEnd", s("abc\uD800"), "reversedPair", s("\uDE00\uD83D"), "mixed",
                s("\u00e9\u4e2d\uD83D\uDE00\u0000a")));
    }

    @Test
    void textLongerThanOneVarintByte() {
        String text = "x".repeat(300) + "\u4e2d".repeat(50_000);
        byte[] bytes = new byte[70_000];
        new Random(7).nextBytes(bytes);
        roundTrip(map("long", s(text), "binary", new AttributeValue.B(bytes), "list",
                new AttributeValue.L(List.of(s(text), s("y".repeat(20_000))))));
    }

    @Test
    void setsKeepTheirMembersOrder() {
        roundTrip(map("ss", new AttributeValue.SS(ordered("zeta", "alpha", "\u00e9t\u00e9", "\uD83D\uDE00", "m")),
                "ns", new AttributeValue.NS(ordered("10", "-2.5", "0.001", "3")),
                "bs", new AttributeValue.BS(ordered(b(9), b(), b(1, 2, 3), b(255)))));
    }

    @Test
    void listsAndMapsWithEmptyAndNestedValues() {
        AttributeValue inner = new AttributeValue.M(map("", s(""), "b", b(), "l", new AttributeValue.L(List.of()),
                "m", new AttributeValue.M(Map.of()), "z", n("1"), "a", AttributeValue.NULL_VALUE));
        roundTrip(map("list", new AttributeValue.L(List.of(s(""), b(), s("a"), inner, AttributeValue.TRUE,
                new AttributeValue.SS(ordered("b", "a")), new AttributeValue.L(List.of(n("2"), n("1"))))),
                "map", inner, "names", new AttributeValue.M(map("\u00e9", s("1"), "\u4e2d\uD83D\uDE00", s("2"),
                        "\uD800", s("\uDFFF"))), "emptyList", new AttributeValue.L(List.of()), "emptyMap",
                new AttributeValue.M(Map.of())));
    }

    @Test
    void containersLargerThanOneVarintByte() {
        List<AttributeValue> elements = new ArrayList<>();
        Map<String, AttributeValue> entries = new LinkedHashMap<>();
        Set<String> members = new LinkedHashSet<>();
        for (int i = 0; i < 500; i++) {
            elements.add(s("element " + i));
            entries.put("name " + (499 - i), n(Integer.toString(i)));
            members.add("member " + (i * 7919 % 500));
        }
        roundTrip(map("l", new AttributeValue.L(elements), "m", new AttributeValue.M(entries), "ss",
                new AttributeValue.SS(members), "after", s("last")));
    }

    @Test
    void nestedThirtyTwoLevelsDeep() {
        AttributeValue value = s("bottom");
        for (int depth = 0; depth < 32; depth++) {
            value = depth % 2 == 0 ? new AttributeValue.L(List.of(value, n(Integer.toString(depth))))
                    : new AttributeValue.M(map("level" + depth, value, "e", s("")));
        }
        roundTrip(map("id", s("deep"), "deep", value));
    }

    @Test
    void itemsOfManyAttributesAreStoredAndFoundByName() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            item.put("attribute" + (i * 31 % 300), i % 3 == 0 ? s("v" + i) : n(Integer.toString(i)));
        }
        StoredItem stored = roundTrip(item);
        assertThat(stored.get("attribute299")).isEqualTo(item.get("attribute299"));
        assertThat(stored.get(new String("attribute7".toCharArray()))).isEqualTo(item.get("attribute7"));
        assertThat(stored.get("attribute300")).isNull();
        assertThat(stored.get(null)).isNull();
        assertThat(stored.get(42)).isNull();
        assertThat(stored.containsKey("attribute0")).isTrue();
        assertThat(stored.containsKey("other")).isFalse();

        Map<String, AttributeValue> justAbove = new LinkedHashMap<>();
        for (int i = 0; i <= StoredItem.MAX_ATTRIBUTES; i++) {
            justAbove.put("a" + i, s(Integer.toString(i)));
        }
        roundTrip(justAbove);
    }

    @Test
    void anEmptyItem() {
        StoredItem stored = roundTrip(Map.of());

        assertThat(stored).isEmpty();
        assertThat(stored.get("a")).isNull();
        assertThat(stored.dynamoDbSize()).isZero();
    }

    @Test
    void itemsOfTheSameNamesShareThem() {
        StoredItem first = StoredItem.of(map("id", s("1"), "v", n("1")));
        StoredItem second = StoredItem.of(map(new String("id".toCharArray()), s("2"), "v", n("2")));

        assertThat(second.keySet().iterator().next()).isSameAs(first.keySet().iterator().next());
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void equalsAndHashCodeFollowTheMapContract() {
        Map<String, AttributeValue> plain = map("id", s("1"), "set", new AttributeValue.SS(ordered("a", "b")),
                "m", new AttributeValue.M(map("x", n("1"), "y", n("2"))));
        Map<String, AttributeValue> otherOrders = map("m", new AttributeValue.M(map("y", n("2"), "x", n("1"))),
                "set", new AttributeValue.SS(ordered("b", "a")), "id", s("1"));
        StoredItem stored = StoredItem.of(plain);
        StoredItem reordered = StoredItem.of(otherOrders);

        assertThat(stored).isEqualTo(reordered).hasSameHashCodeAs(reordered);
        assertThat(reordered).isEqualTo(stored);
        assertThat(stored).isEqualTo(StoredItem.of(plain)).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(stored).isNotEqualTo(StoredItem.of(map("id", s("2"), "set",
                new AttributeValue.SS(ordered("a", "b")), "m", new AttributeValue.M(map("x", n("1"), "y", n("2"))))));
        assertThat(stored).isNotEqualTo(map("id", s("1"))).isNotEqualTo(null).isNotEqualTo("id");
        assertThat(StoredItem.of(map("n", new AttributeValue.N("1")))).isNotEqualTo(map("n", s("1")));
        assertThat(stored.toString()).isEqualTo(plain.toString());
    }

    @Test
    void readsShareNothingWithTheStoredBytes() {
        byte[] bytes = {1, 2, 3};
        StoredItem stored = StoredItem.of(map("b", new AttributeValue.B(bytes)));
        bytes[0] = 9;
        ((AttributeValue.B) stored.get("b")).bytes()[1] = 9;

        assertThat(stored.get("b")).isEqualTo(b(1, 2, 3));
    }

    @Test
    void numbersKeepTheirTextAsItIs() {
        roundTrip(map("canonical", n("1.50"), "asGiven", new AttributeValue.N("1.50"), "exponent",
                new AttributeValue.N("1E+2"), "ns", new AttributeValue.NS(ordered("1E+2", "100.0"))));
    }

    @Test
    void itemsReadFromManyThreadsAtOnce() throws InterruptedException {
        StoredItem stored = StoredItem.of(map("id", s("x"), "list", new AttributeValue.L(List.of(s("\u00e9"),
                n("2"))), "ss", new AttributeValue.SS(ordered("b", "a"))));
        Map<String, AttributeValue> expected = new LinkedHashMap<>(stored);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 10_000; i++) {
                        assertThat(stored).isEqualTo(expected);
                        assertThat(StoredItem.of(expected)).isEqualTo(stored);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
    }
}
