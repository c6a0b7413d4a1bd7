package io.dynamokit.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeValuesTest {

    private static final String SUPPORTED = "supported: String, Number (Integer, Long, Short, Byte, BigInteger, "
            + "BigDecimal, Double, Float), Boolean, null, byte[], ByteBuffer, SdkBytes, List, arrays, Map<String, ?>, "
            + "Set of String/Number/binary, UUID, Instant, OffsetDateTime, ZonedDateTime, LocalDate, LocalDateTime, "
            + "enums, AttributeValue";

    private static final String SET_ELEMENTS = "set elements must be String, Number (Integer, Long, Short, Byte, "
            + "BigInteger, BigDecimal, Double, Float) or binary (byte[], ByteBuffer, SdkBytes)";

    enum Colour {
        RED,
        GREEN {
            @Override
            public String toString() {
                return "green, with a body";
            }
        }
    }

    private static String n(Object value) {
        AttributeValue marshalled = AttributeValues.toAttributeValue(value);
        assertThat(marshalled.type()).isEqualTo(AttributeValue.Type.N);
        return marshalled.n();
    }

    private static Map<String, Object> item(Object... namesAndValues) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return item;
    }

    private static void assertRejected(Map<String, ?> item, String message) {
        assertThatThrownBy(() -> AttributeValues.toItem(item))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    private static void assertRejected(String name, Object value, String message) {
        assertRejected(item(name, value), message);
    }

    @Nested
    class Marshalling {

        @Test
        void strings() {
            assertThat(AttributeValues.toAttributeValue("hello")).isEqualTo(AttributeValue.fromS("hello"));
            assertThat(AttributeValues.toAttributeValue("")).isEqualTo(AttributeValue.fromS(""));
            assertThat(AttributeValues.toAttributeValue("e\u0301 \uD83D\uDC69\u200D\uD83D\uDC67 \uD840\uDC00"))
                    .isEqualTo(AttributeValue.fromS("e\u0301 \uD83D\uDC69\u200D\uD83D\uDC67 \uD840\uDC00"));
        }

        @Test
        void integersAreWrittenAsTheirDigits() {
            assertThat(n(42)).isEqualTo("42");
            assertThat(n(-7L)).isEqualTo("-7");
            assertThat(n((short) 300)).isEqualTo("300");
            assertThat(n((byte) -128)).isEqualTo("-128");
            assertThat(n(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
            assertThat(n(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
            assertThat(n(Integer.MIN_VALUE)).isEqualTo("-2147483648");
            assertThat(n(new BigInteger("123456789012345678901234567890"))).isEqualTo("123456789012345678901234567890");
            assertThat(n(BigInteger.TEN.pow(40))).isEqualTo("1" + "0".repeat(40));
            assertThat(n(BigInteger.ZERO)).isEqualTo("0");
        }

        @Test
        void bigDecimalsAreWrittenInPlainNotationWithoutTrailingZeros() {
            assertThat(n(new BigDecimal("1.50"))).isEqualTo("1.5");
            assertThat(n(new BigDecimal("-12.340"))).isEqualTo("-12.34");
            assertThat(n(new BigDecimal("1E+3"))).isEqualTo("1000");
            assertThat(n(new BigDecimal("100"))).isEqualTo("100");
            assertThat(n(new BigDecimal("0.000"))).isEqualTo("0");
            assertThat(n(new BigDecimal("0E+10"))).isEqualTo("0");
            assertThat(n(new BigDecimal("1.5E-7"))).isEqualTo("0.00000015");
            assertThat(n(new BigDecimal("1E-130"))).isEqualTo("0." + "0".repeat(129) + "1");
            assertThat(n(new BigDecimal("9.9999999999999999999999999999999999999E+125")))
                    .isEqualTo("9".repeat(38) + "0".repeat(88));
            assertThat(n(new BigDecimal("-9.9999999999999999999999999999999999999E+125")))
                    .isEqualTo("-" + "9".repeat(38) + "0".repeat(88));
            assertThat(n(new BigDecimal("12345678901234567890123456789012345678")))
                    .isEqualTo("12345678901234567890123456789012345678");
            // trailing zeros are not significant digits
            assertThat(n(new BigDecimal("1234567890123456789012345678901234567800.000")))
                    .isEqualTo("1234567890123456789012345678901234567800");
        }

        @Test
        void doublesAndFloatsAreWrittenAsTheirShortestDecimalText() {
            assertThat(n(0.1)).isEqualTo("0.1");
            assertThat(n(1.0)).isEqualTo("1");
            assertThat(n(-2.5)).isEqualTo("-2.5");
            assertThat(n(1e20)).isEqualTo("100000000000000000000");
            assertThat(n(1.5e-7)).isEqualTo("0.00000015");
            assertThat(n(0.0)).isEqualTo("0");
            assertThat(n(-0.0)).isEqualTo("0");
            assertThat(n(Double.MAX_VALUE / 1e183)).isEqualTo(
                    new BigDecimal(Double.toString(Double.MAX_VALUE / 1e183)).toPlainString());
            assertThat(n(0.1f)).isEqualTo("0.1");
            assertThat(n(3.4028235E38f)).isEqualTo("340282350000000000000000000000000000000");
            assertThat(n(Float.MIN_VALUE)).isEqualTo("0." + "0".repeat(44) + "14");
        }

        @Test
        void notFiniteNumbersAreRejected() {
            Map<String, Object> order = item("lines", List.of(
                    Map.of("price", 1), Map.of("price", 2), Map.of("price", 3), Map.of("price", Double.NaN)));
            assertRejected("order", order,
                    "order.lines[3].price: NaN is not a number DynamoDB can store (NaN and infinities are not allowed)");
            assertRejected("x", Double.POSITIVE_INFINITY,
                    "x: Infinity is not a number DynamoDB can store (NaN and infinities are not allowed)");
            assertRejected("x", Double.NEGATIVE_INFINITY,
                    "x: -Infinity is not a number DynamoDB can store (NaN and infinities are not allowed)");
            assertRejected("x", Float.NaN,
                    "x: NaN is not a number DynamoDB can store (NaN and infinities are not allowed)");
            assertRejected("x", Float.NEGATIVE_INFINITY,
                    "x: -Infinity is not a number DynamoDB can store (NaN and infinities are not allowed)");
        }

        @Test
        void numbersWithMoreThan38SignificantDigitsAreRejected() {
            assertRejected("amount", new BigDecimal("1.23456789012345678901234567890123456789"),
                    "amount: 1.23456789012345678901234567890123456789 has 39 significant digits, "
                            + "but DynamoDB numbers have at most 38");
            assertRejected("amount", new BigInteger("123456789012345678901234567890123456789"),
                    "amount: 123456789012345678901234567890123456789 has 39 significant digits, "
                            + "but DynamoDB numbers have at most 38");
        }

        @Test
        void numbersOutsideTheRangeAreRejected() {
            String range = " is outside the range of DynamoDB numbers "
                    + "(magnitudes from 1E-130 to 9.9999999999999999999999999999999999999E+125, and 0)";
            assertRejected("big", new BigDecimal("1E+126"), "big: 1E+126" + range);
            assertRejected("big", new BigDecimal("-1E+126"), "big: -1E+126" + range);
            assertRejected("tiny", new BigDecimal("1E-131"), "tiny: 1E-131" + range);
            assertRejected("tiny", new BigDecimal("-9.9E-131"), "tiny: -9.9E-131" + range);
            assertRejected("d", 1e200, "d: 1.0E200" + range);
            assertRejected("d", Double.MIN_VALUE, "d: 4.9E-324" + range);
            assertRejected("i", BigInteger.TEN.pow(126), "i: 1" + "0".repeat(59) + "...(127 characters)" + range);
        }

        @Test
        void unsupportedNumberTypesAreRejected() {
            assertRejected("counter", new AtomicInteger(1),
                    "counter: unsupported type java.util.concurrent.atomic.AtomicInteger; " + SUPPORTED);
        }

        @Test
        void booleansAndNull() {
            assertThat(AttributeValues.toAttributeValue(true)).isEqualTo(AttributeValue.fromBool(true));
            assertThat(AttributeValues.toAttributeValue(Boolean.FALSE)).isEqualTo(AttributeValue.fromBool(false));
            assertThat(AttributeValues.toAttributeValue(null)).isEqualTo(AttributeValue.fromNul(true));
            assertThat(AttributeValues.toItem(item("gone", null))).containsEntry("gone", AttributeValue.fromNul(true));
        }

        @Test
        void byteArraysAreCopied() {
            byte[] bytes = {1, 2, 3};
            AttributeValue marshalled = AttributeValues.toAttributeValue(bytes);
            bytes[0] = 9;
            assertThat(marshalled.type()).isEqualTo(AttributeValue.Type.B);
            assertThat(marshalled.b().asByteArray()).containsExactly(1, 2, 3);
            assertThat(AttributeValues.toAttributeValue(new byte[0]).b().asByteArray()).isEmpty();
        }

        @Test
        void byteBuffersAreReadFromPositionToLimitWithoutMovingThePosition() {
            ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4, 5});
            buffer.position(2).limit(5);
            AttributeValue marshalled = AttributeValues.toAttributeValue(buffer);
            assertThat(marshalled.b().asByteArray()).containsExactly(2, 3, 4);
            assertThat(buffer.position()).isEqualTo(2);
            assertThat(buffer.limit()).isEqualTo(5);

            ByteBuffer direct = ByteBuffer.allocateDirect(4).put(new byte[] {7, 8, 9, 10});
            direct.flip().position(1);
            assertThat(AttributeValues.toAttributeValue(direct).b().asByteArray()).containsExactly(8, 9, 10);
            assertThat(direct.position()).isEqualTo(1);

            ByteBuffer readOnly = ByteBuffer.wrap(new byte[] {5, 6}).asReadOnlyBuffer();
            assertThat(AttributeValues.toAttributeValue(readOnly).b().asByteArray()).containsExactly(5, 6);
        }

        @Test
        void sdkBytes() {
            SdkBytes bytes = SdkBytes.fromUtf8String("abc");
            assertThat(AttributeValues.toAttributeValue(bytes)).isEqualTo(AttributeValue.fromB(bytes));
        }

        @Test
        void listsCollectionsAndArrays() {
            AttributeValue expected = AttributeValue.fromL(List.of(
                    AttributeValue.fromS("a"), AttributeValue.fromN("1"), AttributeValue.fromNul(true)));
            assertThat(AttributeValues.toAttributeValue(Arrays.asList("a", 1, null))).isEqualTo(expected);
            assertThat(AttributeValues.toAttributeValue(new Object[] {"a", 1L, null})).isEqualTo(expected);
            assertThat(AttributeValues.toAttributeValue(new ArrayDeque<>(List.of("x", "y"))))
                    .isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromS("y"))));
            assertThat(AttributeValues.toAttributeValue(List.of()))
                    .isEqualTo(AttributeValue.fromL(List.of()));
            assertThat(AttributeValues.toAttributeValue(new String[0]).type()).isEqualTo(AttributeValue.Type.L);
            assertThat(AttributeValues.toAttributeValue(new int[] {1, -2}))
                    .isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromN("-2"))));
            assertThat(AttributeValues.toAttributeValue(new long[] {Long.MAX_VALUE}))
                    .isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromN("9223372036854775807"))));
            assertThat(AttributeValues.toAttributeValue(new double[] {0.5}))
                    .isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromN("0.5"))));
            assertThat(AttributeValues.toAttributeValue(new boolean[] {true}))
                    .isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromBool(true))));
            assertThat(AttributeValues.toAttributeValue(List.of(new byte[] {1})))
                    .isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1})))));
            assertThat(AttributeValues.toAttributeValue(new int[][] {{1}, {}})).isEqualTo(AttributeValue.fromL(List.of(
                    AttributeValue.fromL(List.of(AttributeValue.fromN("1"))), AttributeValue.fromL(List.of()))));
        }

        @Test
        void arrayElementsAreNamedByIndex() {
            assertRejected("xs", new double[] {1, 2, Double.POSITIVE_INFINITY},
                    "xs[2]: Infinity is not a number DynamoDB can store (NaN and infinities are not allowed)");
            assertRejected("chars", new char[] {'a'}, "chars: unsupported type char[]; " + SUPPORTED);
        }

        @Test
        void maps() {
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("b", 1);
            nested.put("a", Map.of());
            AttributeValue marshalled = AttributeValues.toAttributeValue(nested);
            assertThat(marshalled.type()).isEqualTo(AttributeValue.Type.M);
            assertThat(marshalled.m()).containsExactly(
                    Map.entry("b", AttributeValue.fromN("1")), Map.entry("a", AttributeValue.fromM(Map.of())));
        }

        @Test
        void mapKeysMustBeNonEmptyStrings() {
            Map<Object, Object> meta = new HashMap<>();
            meta.put(1, "one");
            assertRejected("meta", meta, "meta: map keys must be Strings, found java.lang.Integer (1)");
            Map<Object, Object> nullKey = new HashMap<>();
            nullKey.put(null, "x");
            assertRejected("meta", nullKey, "meta: map keys must be Strings, found null");
            assertRejected("meta", Map.of("", 1),
                    "meta: map keys must not be empty (DynamoDB rejects empty attribute names)");
        }

        @Test
        void mapKeysArePrintedAsTheyAre() {
            assertRejected("a", Map.of("b.c d", List.of(Float.NaN)),
                    "a.b.c d[0]: NaN is not a number DynamoDB can store (NaN and infinities are not allowed)");
        }

        @Test
        void stringSets() {
            Set<String> tags = new LinkedHashSet<>(List.of("b", "a", ""));
            assertThat(AttributeValues.toAttributeValue(tags)).isEqualTo(AttributeValue.fromSs(List.of("b", "a", "")));
        }

        @Test
        void numberSetsMayMixNumberTypes() {
            Set<Number> numbers = new LinkedHashSet<>(List.of(1, 2L, new BigDecimal("3.50"), 0.25, BigInteger.TEN));
            assertThat(AttributeValues.toAttributeValue(numbers))
                    .isEqualTo(AttributeValue.fromNs(List.of("1", "2", "3.5", "0.25", "10")));
        }

        @Test
        void binarySetsMayMixBinaryTypes() {
            Set<Object> blobs = new LinkedHashSet<>(List.of(
                    new byte[] {1}, ByteBuffer.wrap(new byte[] {2}), SdkBytes.fromByteArray(new byte[] {3})));
            assertThat(AttributeValues.toAttributeValue(blobs)).isEqualTo(AttributeValue.fromBs(List.of(
                    SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromByteArray(new byte[] {2}),
                    SdkBytes.fromByteArray(new byte[] {3}))));
        }

        @Test
        void emptySetsAreRejected() {
            assertRejected("tags", Set.of(), "tags: empty sets cannot be stored in DynamoDB; store no attribute, or a list");
            assertRejected("tags", new TreeSet<String>(),
                    "tags: empty sets cannot be stored in DynamoDB; store no attribute, or a list");
        }

        @Test
        void setsMixingKindsAreRejected() {
            assertRejected("ids", new LinkedHashSet<>(List.of("a", 1L)),
                    "ids: a set must hold one kind of value (String, Number or binary), "
                            + "found java.lang.String and java.lang.Long");
            assertRejected("ids", new LinkedHashSet<>(List.of(1, new byte[0])),
                    "ids: a set must hold one kind of value (String, Number or binary), "
                            + "found java.lang.Integer and byte[]");
        }

        @Test
        void setsHoldingNullOrOtherTypesAreRejected() {
            assertRejected("tags", new LinkedHashSet<>(Arrays.asList("a", null)),
                    "tags: a set cannot hold null; " + SET_ELEMENTS + " (use a list to store null)");
            assertRejected("flags", new LinkedHashSet<>(List.of(true)),
                    "flags: a set cannot hold java.lang.Boolean (true); " + SET_ELEMENTS);
            assertRejected("when", new LinkedHashSet<>(List.of(LocalDate.of(2024, 1, 1))),
                    "when: a set cannot hold java.time.LocalDate (2024-01-01); " + SET_ELEMENTS);
        }

        @Test
        void setElementsAreNamedByValue() {
            assertRejected("scores", new LinkedHashSet<>(List.of(1.5, Double.NaN)),
                    "scores (set element NaN): NaN is not a number DynamoDB can store (NaN and infinities are not allowed)");
            assertRejected("scores", Map.of("best", new LinkedHashSet<>(List.of(new BigDecimal("1E+200")))),
                    "scores.best (set element 1E+200): 1E+200 is outside the range of DynamoDB numbers "
                            + "(magnitudes from 1E-130 to 9.9999999999999999999999999999999999999E+125, and 0)");
        }

        @Test
        void setsHoldingTheSameDynamoDbValueTwiceAreRejected() {
            assertRejected("scores", new LinkedHashSet<>(List.of(1, new BigDecimal("1.0"))),
                    "scores: set elements 1 and 1.0 are the same value to DynamoDB, and a set cannot hold duplicates");
            assertRejected("scores", new LinkedHashSet<>(List.of(0.0, -0.0)),
                    "scores: set elements 0.0 and -0.0 are the same value to DynamoDB, and a set cannot hold duplicates");
            assertRejected("blobs", new LinkedHashSet<>(List.of(new byte[] {1, 2}, SdkBytes.fromByteArray(new byte[] {1, 2}))),
                    "blobs: set elements byte[] of 2 bytes and SdkBytes of 2 bytes are the same bytes to DynamoDB, "
                            + "and a set cannot hold duplicates");
        }

        @Test
        void datesTimesAndUuidsAreIso8601Strings() {
            UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
            assertThat(AttributeValues.toAttributeValue(uuid).s()).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
            assertThat(AttributeValues.toAttributeValue(Instant.parse("2024-03-01T09:15:30.120Z")).s())
                    .isEqualTo("2024-03-01T09:15:30.120Z");
            assertThat(AttributeValues.toAttributeValue(
                    OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 0, ZoneOffset.ofHours(1))).s())
                    .isEqualTo("2024-03-01T10:15:30+01:00");
            assertThat(AttributeValues.toAttributeValue(
                    ZonedDateTime.of(2024, 3, 1, 10, 15, 30, 0, ZoneId.of("Europe/Paris"))).s())
                    .isEqualTo("2024-03-01T10:15:30+01:00[Europe/Paris]");
            assertThat(AttributeValues.toAttributeValue(
                    ZonedDateTime.of(2024, 3, 1, 10, 15, 30, 0, ZoneOffset.UTC)).s())
                    .isEqualTo("2024-03-01T10:15:30Z");
            assertThat(AttributeValues.toAttributeValue(LocalDate.of(2024, 3, 1)).s()).isEqualTo("2024-03-01");
            assertThat(AttributeValues.toAttributeValue(LocalDateTime.of(2024, 3, 1, 10, 15, 30, 5_000_000)).s())
                    .isEqualTo("2024-03-01T10:15:30.005");
        }

        @Test
        void enumsAreStringsByName() {
            assertThat(AttributeValues.toAttributeValue(Colour.RED)).isEqualTo(AttributeValue.fromS("RED"));
            assertThat(AttributeValues.toAttributeValue(Colour.GREEN)).isEqualTo(AttributeValue.fromS("GREEN"));
        }

        @Test
        void attributeValuesPassThroughUnchanged() {
            AttributeValue given = AttributeValue.fromSs(List.of("x"));
            assertThat(AttributeValues.toAttributeValue(given)).isSameAs(given);
            assertThat(AttributeValues.toItem(item("a", List.of(given))).get("a").l().get(0)).isSameAs(given);
        }

        @Test
        void unsupportedTypesAreRejected() {
            assertRejected("blob", new Thread(), "blob: unsupported type java.lang.Thread; " + SUPPORTED);
            assertRejected("o", List.of(1, Map.of("opt", Optional.empty())),
                    "o[1].opt: unsupported type java.util.Optional; " + SUPPORTED);
            assertRejected("c", 'c', "c: unsupported type java.lang.Character; " + SUPPORTED);
        }

        @Test
        void unpairedSurrogatesAreRejected() {
            String unpaired = " is not valid Unicode and cannot be stored in DynamoDB";
            assertRejected("note", "a\uD800b",
                    "note: the String holds an unpaired surrogate (\\uD800 at index 1), which" + unpaired);
            assertRejected("note", "ab\uDC00",
                    "note: the String holds an unpaired surrogate (\\uDC00 at index 2), which" + unpaired);
            assertRejected("note", "\uD83D",
                    "note: the String holds an unpaired surrogate (\\uD83D at index 0), which" + unpaired);
            assertRejected("tags", Set.of("\uDFFF"),
                    "tags: a set element holds an unpaired surrogate (\\uDFFF at index 0), which" + unpaired);
            assertRejected("m", Map.of("k\uD800", 1),
                    "m: a map key holds an unpaired surrogate (\\uD800 at index 1), which" + unpaired);
            assertRejected(item("\uD800", 1),
                    "item: an attribute name holds an unpaired surrogate (\\uD800 at index 0), which" + unpaired);
        }

        @Test
        void nestingIsLimitedTo31ListsAndMapsPerAttribute() {
            Object deepest = "x";
            for (int i = 0; i < 31; i++) {
                deepest = i % 2 == 0 ? List.of(deepest) : Map.of("k", deepest);
            }
            Map<String, Object> item = item("deep", deepest);
            Map<String, AttributeValue> marshalled = AttributeValues.toItem(item);
            AttributeValue level = marshalled.get("deep");
            for (int i = 30; i >= 0; i--) {
                level = i % 2 == 0 ? level.l().get(0) : level.m().get("k");
            }
            assertThat(level).isEqualTo(AttributeValue.fromS("x"));
            assertThat(AttributeValues.fromItem(marshalled)).isEqualTo(item);
        }

        @Test
        void tooDeepOrSelfContainingValuesAreRejected() {
            Object tooDeep = List.of();
            for (int i = 0; i < 31; i++) {
                tooDeep = List.of(tooDeep);
            }
            assertRejected("deep", tooDeep, "deep" + "[0]".repeat(31) + ": lists and maps are nested more than 31 "
                    + "deep, beyond DynamoDB's limit of 32 levels per attribute (does the value contain itself?)");

            List<Object> cyclic = new ArrayList<>();
            cyclic.add(cyclic);
            assertThatThrownBy(() -> AttributeValues.toAttributeValue(cyclic))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("value[0][0][0]")
                    .hasMessageEndingWith("(does the value contain itself?)");
        }

        @Test
        void itemsKeepTheirOrder() {
            Map<String, Object> item = item("z", 1, "a", "x", "m", true);
            Map<String, AttributeValue> marshalled = AttributeValues.toItem(item);
            assertThat(marshalled).containsExactly(Map.entry("z", AttributeValue.fromN("1")),
                    Map.entry("a", AttributeValue.fromS("x")), Map.entry("m", AttributeValue.fromBool(true)));
            marshalled.put("extra", AttributeValue.fromS("the result is mutable"));
        }

        @Test
        @SuppressWarnings({ "unchecked", "rawtypes" })
        void attributeNamesMustBeNonEmptyStrings() {
            Map raw = new HashMap();
            raw.put(7, "x");
            assertRejected(raw, "item: attribute names must be Strings, found java.lang.Integer (7)");
            assertRejected(item("", 1), "item: attribute names must not be empty (DynamoDB rejects empty attribute names)");
        }

        @Test
        void singleValuesAreCalledValueOrTheGivenPath() {
            assertThatThrownBy(() -> AttributeValues.toAttributeValue(Double.NaN))
                    .hasMessage("value: NaN is not a number DynamoDB can store (NaN and infinities are not allowed)");
            assertThatThrownBy(() -> AttributeValues.toAttributeValue("order.lines[3]", Map.of("price", Double.NaN)))
                    .hasMessage("order.lines[3].price: NaN is not a number DynamoDB can store "
                            + "(NaN and infinities are not allowed)");
        }

        @Test
        void nullItemsAreAProgrammingError() {
            assertThatThrownBy(() -> AttributeValues.toItem(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> AttributeValues.fromItem(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Unmarshalling {

        private Object from(AttributeValue value) {
            return AttributeValues.fromAttributeValue(value);
        }

        @Test
        void scalars() {
            assertThat(from(AttributeValue.fromS("hé"))).isEqualTo("hé");
            assertThat(from(AttributeValue.fromS(""))).isEqualTo("");
            assertThat(from(AttributeValue.fromBool(true))).isEqualTo(true);
            assertThat(from(AttributeValue.fromNul(true))).isNull();
        }

        @Test
        void integralNumbersWithinLongRangeAreLongs() {
            assertThat(from(AttributeValue.fromN("42"))).isEqualTo(42L);
            assertThat(from(AttributeValue.fromN("-0"))).isEqualTo(0L);
            assertThat(from(AttributeValue.fromN("0.000"))).isEqualTo(0L);
            assertThat(from(AttributeValue.fromN("1.0"))).isEqualTo(1L);
            assertThat(from(AttributeValue.fromN("1E+2"))).isEqualTo(100L);
            assertThat(from(AttributeValue.fromN("-9223372036854775808"))).isEqualTo(Long.MIN_VALUE);
            assertThat(from(AttributeValue.fromN("9223372036854775807"))).isEqualTo(Long.MAX_VALUE);
        }

        @Test
        void otherNumbersAreBigDecimals() {
            assertThat(from(AttributeValue.fromN("0.1"))).isEqualTo(new BigDecimal("0.1"));
            assertThat(from(AttributeValue.fromN("9223372036854775808"))).isEqualTo(new BigDecimal("9223372036854775808"));
            assertThat(from(AttributeValue.fromN("-9223372036854775809")))
                    .isEqualTo(new BigDecimal("-9223372036854775809"));
            assertThat((BigDecimal) from(AttributeValue.fromN("1E+40"))).isEqualByComparingTo(BigInteger.TEN.pow(40).toString());
            assertThat((BigDecimal) from(AttributeValue.fromN("1E-130"))).isEqualByComparingTo("1E-130");
        }

        @Test
        void binaryIsAByteArrayCopy() {
            SdkBytes bytes = SdkBytes.fromByteArray(new byte[] {1, 2});
            byte[] unmarshalled = (byte[]) from(AttributeValue.fromB(bytes));
            assertThat(unmarshalled).containsExactly(1, 2);
            unmarshalled[0] = 5;
            assertThat(bytes.asByteArray()).containsExactly(1, 2);
        }

        @Test
        void setsKeepDynamoDbsOrder() {
            assertThat(from(AttributeValue.fromSs(List.of("b", "a")))).isInstanceOf(LinkedHashSet.class)
                    .asInstanceOf(InstanceOfAssertFactories.collection(String.class))
                    .containsExactly("b", "a");
            assertThat(from(AttributeValue.fromNs(List.of("3", "1.5", "99999999999999999999"))))
                    .isInstanceOf(LinkedHashSet.class)
                    .asInstanceOf(InstanceOfAssertFactories.collection(Object.class))
                    .containsExactly(3L, new BigDecimal("1.5"), new BigDecimal("99999999999999999999"));
        }

        @Test
        void binarySetsHoldSdkBytes() {
            SdkBytes one = SdkBytes.fromByteArray(new byte[] {1});
            SdkBytes two = SdkBytes.fromByteArray(new byte[] {2});
            Object set = from(AttributeValue.fromBs(List.of(two, one)));
            assertThat(set).isInstanceOf(LinkedHashSet.class)
                    .asInstanceOf(InstanceOfAssertFactories.collection(SdkBytes.class))
                    .containsExactly(SdkBytes.fromByteArray(new byte[] {2}), SdkBytes.fromByteArray(new byte[] {1}));
        }

        @Test
        void listsAndMaps() {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            m.put("z", AttributeValue.fromN("1"));
            m.put("a", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromNul(true))));
            Object unmarshalled = from(AttributeValue.fromM(m));
            assertThat(unmarshalled).isInstanceOf(LinkedHashMap.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) unmarshalled;
            assertThat(map.keySet()).containsExactly("z", "a");
            assertThat(map.get("z")).isEqualTo(1L);
            assertThat(map.get("a")).isInstanceOf(ArrayList.class).isEqualTo(Arrays.asList("x", null));
        }

        @Test
        void itemsKeepTheSdkMapsOrder() {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("pk", AttributeValue.fromS("k"));
            item.put("count", AttributeValue.fromN("2"));
            item.put("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {9})));
            Map<String, Object> unmarshalled = AttributeValues.fromItem(item);
            assertThat(unmarshalled).isInstanceOf(LinkedHashMap.class);
            assertThat(unmarshalled.keySet()).containsExactly("pk", "count", "blob");
            assertThat(unmarshalled.get("count")).isEqualTo(2L);
            assertThat((byte[]) unmarshalled.get("blob")).containsExactly(9);
        }

        @Test
        void unknownTypesAreRejectedWithTheirPath() {
            AttributeValue unknown = AttributeValue.builder().build();
            assertThat(unknown.type()).isEqualTo(AttributeValue.Type.UNKNOWN_TO_SDK_VERSION);
            String unknownMessage = ": the AttributeValue has no value of a type this SDK version knows "
                    + "(UNKNOWN_TO_SDK_VERSION); known types: S, N, B, SS, NS, BS, M, L, BOOL, NULL";
            assertThatThrownBy(() -> from(unknown)).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("value" + unknownMessage);
            Map<String, AttributeValue> item = Map.of("order", AttributeValue.fromM(Map.of("lines",
                    AttributeValue.fromL(List.of(AttributeValue.fromS("ok"), unknown)))));
            assertThatThrownBy(() -> AttributeValues.fromItem(item)).hasMessage("order.lines[1]" + unknownMessage);
            assertThatThrownBy(() -> AttributeValues.fromAttributeValue("x", unknown)).hasMessage("x" + unknownMessage);
        }

        @Test
        void valuesWithSeveralTypesAreRejected() {
            AttributeValue both = AttributeValue.builder().s("x").n("1").build();
            assertThatThrownBy(() -> AttributeValues.fromItem(Map.of("a", both)))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a: the AttributeValue has more than one type set; an AttributeValue must have exactly one");
        }

        @Test
        void malformedNumbersAreRejected() {
            assertThatThrownBy(() -> AttributeValues.fromItem(Map.of("n", AttributeValue.fromN("12abc"))))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("n: \"12abc\" is not a DynamoDB number (expected decimal text such as 42, -0.5 or 1.5E+30)");
            assertThatThrownBy(() -> AttributeValues.fromItem(Map.of("ns", AttributeValue.fromNs(List.of("1", "x")))))
                    .hasMessage("ns (set element \"x\"): \"x\" is not a DynamoDB number "
                            + "(expected decimal text such as 42, -0.5 or 1.5E+30)");
        }

        @Test
        void nullsWhereAttributeValuesBelongAreRejected() {
            assertThatThrownBy(() -> from(null)).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("value: found null instead of an AttributeValue "
                            + "(DynamoDB's NULL is AttributeValue.fromNul(true))");
            List<AttributeValue> withNull = new ArrayList<>();
            withNull.add(null);
            assertThatThrownBy(() -> AttributeValues.fromItem(Map.of("l", AttributeValue.fromL(withNull))))
                    .hasMessage("l[0]: found null instead of an AttributeValue "
                            + "(DynamoDB's NULL is AttributeValue.fromNul(true))");
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("gone", null);
            assertThatThrownBy(() -> AttributeValues.fromItem(item)).hasMessageStartingWith("gone: found null");
        }
    }

    @Nested
    class RoundTrip {

        @Test
        void javaValuesComeBackNormalised() {
            Map<String, Object> item = item(
                    "int", 7, "double", 0.1, "wholeDouble", 2.0, "big", new BigDecimal("1E+40"),
                    "when", LocalDate.of(2024, 1, 2), "colour", Colour.RED,
                    "ids", new LinkedHashSet<>(List.of(1, 2)), "blobs", Set.of(new byte[] {1}),
                    "nested", List.of(Map.of("k", Collections.singletonList(null))));
            Map<String, Object> back = AttributeValues.fromItem(AttributeValues.toItem(item));
            assertThat(back.get("int")).isEqualTo(7L);
            assertThat(back.get("double")).isEqualTo(new BigDecimal("0.1"));
            assertThat(back.get("wholeDouble")).isEqualTo(2L);
            assertThat((BigDecimal) back.get("big")).isEqualByComparingTo("1E+40");
            assertThat(back.get("when")).isEqualTo("2024-01-02");
            assertThat(back.get("colour")).isEqualTo("RED");
            assertThat(back.get("ids")).isEqualTo(Set.of(1L, 2L));
            assertThat(back.get("blobs")).isEqualTo(Set.of(SdkBytes.fromByteArray(new byte[] {1})));
            assertThat(back.get("nested")).isEqualTo(List.of(Map.of("k", Collections.singletonList(null))));
        }
    }
}
