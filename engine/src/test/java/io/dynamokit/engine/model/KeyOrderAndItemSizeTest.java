package io.dynamokit.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class KeyOrderAndItemSizeTest {

    @Test
    void stringsOrderByUtf8BytesNotUtf16() {
        // U+FF5E (3 UTF-8 bytes, EF...) sorts before U+1F600 (4 bytes, F0...) in UTF-8, after it in UTF-16
        String fullwidth = "\uFF5E";
        String emoji = "\uD83D\uDE00";
        assertThat(KeyOrder.INSTANCE.compare(AttributeValue.s(fullwidth), AttributeValue.s(emoji))).isNegative();
        assertThat(fullwidth.compareTo(emoji)).isPositive();
    }

    @Test
    void stringsCompareAsTheirUtf8BytesForAnyCharacters() {
        // characters from every range whose UTF-16 and UTF-8 orders could disagree: ASCII, Latin-1, below and above
        // the surrogates, high and low surrogates alone and in pairs
        char[] alphabet = {'a', 'b', 'z', '~', '\u00e9', '\u07ff', '\u0800', '\ud7ff', '\ud800', '\ud83d', '\udbff',
            '\udc00', '\ude00', '\udfff', '\ue000', '\uff5e', '\uffff'};
        java.util.Random random = new java.util.Random(20261203L);
        for (int round = 0; round < 200_000; round++) {
            String a = randomString(random, alphabet);
            String b = random.nextInt(4) == 0 ? a + randomString(random, alphabet) : randomString(random, alphabet);
            int expected = Integer.signum(KeyOrder.compareUtf8(a, b));
            assertThat(Integer.signum(KeyOrder.compareStrings(a, b))).as("%s vs %s", escape(a), escape(b))
                    .isEqualTo(expected);
            assertThat(Integer.signum(KeyOrder.compareStrings(b, a))).isEqualTo(-expected);
        }
    }

    private static String randomString(java.util.Random random, char[] alphabet) {
        char[] chars = new char[random.nextInt(5)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(chars);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
        return escaped.toString();
    }

    @Test
    void numbersOrderNumerically() {
        List<AttributeValue> values = new ArrayList<>(List.of(AttributeValue.n("10"), AttributeValue.n("-2.5"),
                AttributeValue.n("9"), AttributeValue.n("1E+2"), AttributeValue.n("0")));
        values.sort(KeyOrder.INSTANCE);
        assertThat(values).containsExactly(AttributeValue.n("-2.5"), AttributeValue.n("0"), AttributeValue.n("9"),
                AttributeValue.n("10"), AttributeValue.n("100"));
    }

    @Test
    void binariesOrderByUnsignedBytes() {
        assertThat(KeyOrder.INSTANCE.compare(AttributeValue.b(new byte[] {(byte) 0x7f}),
                AttributeValue.b(new byte[] {(byte) 0x80}))).isNegative();
        assertThat(KeyOrder.INSTANCE.compare(AttributeValue.b(new byte[] {1}),
                AttributeValue.b(new byte[] {1, 0}))).isNegative();
    }

    @Test
    void numberSizesFollowDigitPairs() {
        assertThat(ItemSize.number("0")).isEqualTo(1);
        assertThat(ItemSize.number("1")).isEqualTo(2);
        assertThat(ItemSize.number("12")).isEqualTo(2);
        assertThat(ItemSize.number("123")).isEqualTo(3);
        assertThat(ItemSize.number("-1")).isEqualTo(3);
        assertThat(ItemSize.number("1.2")).isEqualTo(3);
    }

    @Test
    void itemSizeCountsNamesValuesAndContainers() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.s("abc")); // 2 + 3
        item.put("é", AttributeValue.s("é")); // 2 + 2
        item.put("b", AttributeValue.TRUE); // 1 + 1
        item.put("l", new AttributeValue.L(List.of(AttributeValue.s("x"), AttributeValue.NULL_VALUE))); // 1 + 3 + 2 + 2
        item.put("m", new AttributeValue.M(Map.of("k", AttributeValue.s("vv")))); // 1 + 3 + 1 + 1 + 2
        item.put("ss", new AttributeValue.SS(Set.of("ab", "c"))); // 2 + 3
        assertThat(ItemSize.of(item)).isEqualTo(5 + 4 + 2 + 8 + 8 + 5);
    }
}
