package io.dynamokit.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Array;
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
import java.util.Collection;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeValuesPropertyTest {

    private static final BigDecimal SMALLEST = new BigDecimal("1E-130");
    private static final BigDecimal TOO_LARGE = new BigDecimal("1E+126");
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    /** Plain decimal text, no exponent, no redundant zeros. */
    private static final Pattern CANONICAL_NUMBER = Pattern.compile("0|-?(0\\.\\d*[1-9]|[1-9]\\d*(\\.\\d*[1-9])?)");

    private static final int MAX_DEPTH = 6;
    /** Lists and maps inside an attribute: DynamoDB allows 32 levels, the attribute's own included. */
    private static final int DYNAMODB_MAX_NESTING = 31;

    enum Size {
        SMALL,
        LARGE
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void itemsComeBackInTheirNormalisedForm(@ForAll("items") Map<String, Object> item) {
        Map<String, Object> back = AttributeValues.fromItem(AttributeValues.toItem(item));

        assertThat(back).isInstanceOf(LinkedHashMap.class);
        assertThat(comparable(back)).isEqualTo(comparable(expected(item)));

        Statistics.label("nesting").collect(nesting(item) - 1);
        Statistics.label("nesting").coverage(coverage -> coverage.check(MAX_DEPTH).percentage(p -> p >= 10));
        Statistics.label("has a set").collect(containsSet(item));
        Statistics.label("has a set").coverage(coverage -> coverage.check(true).percentage(p -> p >= 10));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void valuesNestedUpToDynamoDbsLimitComeBackEqual(@ForAll("deepValues") Object value) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("deep", value);
        Map<String, Object> back = AttributeValues.fromItem(AttributeValues.toItem(item));

        assertThat(comparable(back)).isEqualTo(comparable(expected(item)));
        assertThat(nesting(value)).isBetween(1, DYNAMODB_MAX_NESTING);
        Statistics.label("at the limit").collect(nesting(value) == DYNAMODB_MAX_NESTING);
        Statistics.label("at the limit").coverage(coverage -> coverage.check(true).percentage(p -> p >= 20));
    }

    private static int nesting(Object value) {
        Collection<?> children;
        if (value instanceof Map) {
            children = ((Map<?, ?>) value).values();
        } else if (value instanceof List) {
            children = (List<?>) value;
        } else if (value instanceof Object[]) {
            children = Arrays.asList((Object[]) value);
        } else {
            return 0;
        }
        return 1 + children.stream().mapToInt(AttributeValuesPropertyTest::nesting).max().orElse(0);
    }

    private static boolean containsSet(Object value) {
        if (value instanceof Set) {
            return true;
        }
        if (value instanceof Map) {
            return ((Map<?, ?>) value).values().stream().anyMatch(AttributeValuesPropertyTest::containsSet);
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().anyMatch(AttributeValuesPropertyTest::containsSet);
        }
        return value instanceof Object[] && Arrays.stream((Object[]) value).anyMatch(AttributeValuesPropertyTest::containsSet);
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void marshallingWhatWasUnmarshalledGivesTheSameAttributeValues(@ForAll("items") Map<String, Object> item) {
        Map<String, AttributeValue> once = AttributeValues.toItem(item);

        assertThat(AttributeValues.toItem(AttributeValues.fromItem(once))).isEqualTo(once);
        once.values().forEach(AttributeValuesPropertyTest::assertNumbersAreCanonical);
    }

    @Property(tries = 600)
    void storableNumbersAreWrittenExactly(@ForAll("storableNumbers") Number number) {
        String text = AttributeValues.toAttributeValue(number).n();

        assertThat(text).matches(CANONICAL_NUMBER);
        BigDecimal exact = exactValue(number);
        assertThat(new BigDecimal(text)).isEqualByComparingTo(exact);
        Object back = AttributeValues.fromAttributeValue(AttributeValue.fromN(text));
        if (isLongValued(exact)) {
            assertThat(back).isEqualTo(exact.longValueExact());
        } else {
            assertThat(back).isInstanceOf(BigDecimal.class);
            assertThat((BigDecimal) back).isEqualByComparingTo(exact);
        }
    }

    @Property(tries = 300)
    void longsComeBackAsTheSameLong(@ForAll("longs") long value) {
        AttributeValue marshalled = AttributeValues.toAttributeValue(value);

        assertThat(marshalled.n()).isEqualTo(Long.toString(value));
        assertThat(AttributeValues.fromAttributeValue(marshalled)).isEqualTo(value);
    }

    @Property(tries = 500)
    void doublesComeBackAsTheSameDouble(@ForAll("storableDoubles") double value) {
        Object back = AttributeValues.fromAttributeValue(AttributeValues.toAttributeValue(value));

        assertThat(((Number) back).doubleValue()).isEqualTo(value == 0 ? 0.0 : value);
    }

    @Property(tries = 300)
    void floatsComeBackAsTheSameFloat(@ForAll("finiteFloats") float value) {
        Object back = AttributeValues.fromAttributeValue(AttributeValues.toAttributeValue(value));

        assertThat(((Number) back).floatValue()).isEqualTo(value == 0 ? 0.0f : value);
    }

    @Property(tries = 300)
    void unstorableNumbersAreRejectedNamingThePath(@ForAll("unstorableNumbers") Number number) {
        assertThatThrownBy(() -> AttributeValues.toItem(Map.of("total", List.of(number))))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("total[0]: ")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf(
                        "significant digits, but DynamoDB numbers have at most 38",
                        "is outside the range of DynamoDB numbers",
                        "is not a number DynamoDB can store"));
    }

    @Property(tries = 300)
    void stringsComeBackUnchanged(@ForAll("strings") String value) {
        assertThat(AttributeValues.fromAttributeValue(AttributeValues.toAttributeValue(value))).isEqualTo(value);
    }

    @Property(tries = 200)
    void binaryComesBackWithTheSameBytes(@ForAll("binaries") Object value) {
        byte[] expected = bytesOf(value);
        Object back = AttributeValues.fromAttributeValue(AttributeValues.toAttributeValue(value));

        assertThat(back).isInstanceOf(byte[].class);
        assertThat((byte[]) back).isEqualTo(expected);
        assertThat(bytesOf(value)).as("the value is left unchanged").isEqualTo(expected);
    }

    // ---------------------------------------------------------------- generators

    /**
     * Items whose values nest lists, maps and arrays up to {@value #MAX_DEPTH} deep. Each item is built by running
     * a generated list of operations over generated lists of values and names: jqwik generates and shrinks flat
     * lists quickly, while nesting its list and map arbitraries six deep makes generation far too slow.
     */
    @Provide
    Arbitrary<Map<String, Object>> items() {
        Arbitrary<Operation> operations = Arbitraries.frequency(
                Tuple.of(5, Operation.VALUE),
                Tuple.of(2, Operation.OPEN_LIST),
                Tuple.of(2, Operation.OPEN_MAP),
                Tuple.of(1, Operation.OPEN_ARRAY),
                Tuple.of(2, Operation.CLOSE));
        return Combinators.combine(
                operations.list().ofMaxSize(50).withSizeDistribution(RandomDistribution.uniform()),
                scalars().list().ofMaxSize(24).withSizeDistribution(RandomDistribution.uniform()),
                names().list().ofMaxSize(20)).as(ItemBuilder::build);
    }

    /**
     * One chain of lists, maps and arrays, 1 to {@value #DYNAMODB_MAX_NESTING} deep (the limit itself in about a
     * third of the values), with a scalar at the bottom and scalars beside it on every level.
     */
    @Provide
    Arbitrary<Object> deepValues() {
        Arbitrary<List<Operation>> anyDepth = Arbitraries.of(Operation.OPEN_LIST, Operation.OPEN_MAP, Operation.OPEN_ARRAY)
                .list().ofMinSize(1).ofMaxSize(DYNAMODB_MAX_NESTING).withSizeDistribution(RandomDistribution.uniform());
        Arbitrary<List<Operation>> atTheLimit = Arbitraries.of(Operation.OPEN_LIST, Operation.OPEN_MAP, Operation.OPEN_ARRAY)
                .list().ofSize(DYNAMODB_MAX_NESTING);
        // a primitive array is a list too, one level more: only values that are not lists go at the bottom and beside
        Arbitrary<Object> leaves = scalars().filter(v -> v == null || !v.getClass().isArray() || v instanceof byte[]);
        return Combinators.combine(Arbitraries.frequencyOf(Tuple.of(2, anyDepth), Tuple.of(1, atTheLimit)),
                leaves, leaves.list().ofSize(DYNAMODB_MAX_NESTING), names()).as((levels, bottom, beside, name) -> {
                    Object value = bottom;
                    for (int i = levels.size() - 1; i >= 0; i--) {
                        Object sibling = beside.get(i);
                        switch (levels.get(i)) {
                            case OPEN_MAP:
                                Map<String, Object> map = new LinkedHashMap<>();
                                map.put(name, value);
                                map.put(name + "'", sibling);
                                value = map;
                                break;
                            case OPEN_ARRAY:
                                value = i % 2 == 0 ? new Object[] { value, sibling } : new Object[] { sibling, value };
                                break;
                            default:
                                value = i % 2 == 0 ? Arrays.asList(value, sibling) : Arrays.asList(sibling, value);
                                break;
                        }
                    }
                    return value;
                });
    }

    private enum Operation {
        /** Adds the next value to the innermost open container. */
        VALUE,
        OPEN_LIST,
        OPEN_MAP,
        OPEN_ARRAY,
        /** Closes the innermost open container and adds it to the one around it. */
        CLOSE
    }

    /** Runs the operations; the item itself is the outermost container, and containers nest at most {@value #MAX_DEPTH}. */
    private static final class ItemBuilder {

        private final List<Object> values;
        private final List<String> names;
        private final Deque<Object> open = new ArrayDeque<>();
        private final Deque<Boolean> isArray = new ArrayDeque<>();
        private int nextValue;
        private int nextName;

        private ItemBuilder(List<Object> values, List<String> names) {
            this.values = values;
            this.names = names;
        }

        static Map<String, Object> build(List<Operation> operations, List<Object> values, List<String> names) {
            ItemBuilder builder = new ItemBuilder(values, names);
            Map<String, Object> item = new LinkedHashMap<>();
            builder.push(item, false);
            for (Operation operation : operations) {
                builder.run(operation);
            }
            while (builder.open.size() > 1) {
                builder.close();
            }
            return item;
        }

        private void run(Operation operation) {
            boolean canOpen = open.size() <= MAX_DEPTH;
            switch (operation) {
                case OPEN_LIST:
                case OPEN_ARRAY:
                    if (canOpen) {
                        push(new ArrayList<>(), operation == Operation.OPEN_ARRAY);
                        return;
                    }
                    break;
                case OPEN_MAP:
                    if (canOpen) {
                        push(new LinkedHashMap<String, Object>(), false);
                        return;
                    }
                    break;
                case CLOSE:
                    if (open.size() > 1) {
                        close();
                    }
                    return;
                default:
                    break;
            }
            add(values.isEmpty() ? null : values.get(nextValue++ % values.size()));
        }

        private void push(Object container, boolean array) {
            open.push(container);
            isArray.push(array);
        }

        private void close() {
            Object container = open.pop();
            add(isArray.pop() ? ((List<?>) container).toArray() : container);
        }

        @SuppressWarnings("unchecked")
        private void add(Object value) {
            Object container = open.peek();
            if (container instanceof Map) {
                Map<String, Object> map = (Map<String, Object>) container;
                String name = nextName < names.size() ? names.get(nextName++) : "n" + nextName++;
                map.putIfAbsent(map.containsKey(name) ? name + "#" + map.size() : name, value);
            } else {
                ((List<Object>) container).add(value);
            }
        }
    }

    private Arbitrary<Object> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, strings().map(s -> (Object) s)),
                Tuple.of(5, storableNumbers().map(n -> (Object) n)),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
                Tuple.of(1, Arbitraries.just("null").map(ignored -> (Object) null)),
                Tuple.of(2, binaries()),
                Tuple.of(1, stringSets()),
                Tuple.of(1, numberSets()),
                Tuple.of(1, binarySets()),
                Tuple.of(1, primitiveArrays()),
                Tuple.of(1, stringLike()));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
                strings().filter(s -> !s.isEmpty()));
    }

    /** Unicode text: ASCII, accents, combining marks, CJK, emoji and other supplementary characters. */
    @Provide
    Arbitrary<String> strings() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(1, Arbitraries.integers().between(0, 0x1F)),
                Tuple.of(2, Arbitraries.integers().between(0xA0, 0x24F)),
                Tuple.of(2, Arbitraries.integers().between(0x300, 0x36F)),
                Tuple.of(1, Arbitraries.integers().between(0x4E00, 0x9FFF)),
                Tuple.of(1, Arbitraries.of(0x200D, 0xFE0F, 0xFEFF, 0xFFFD)),
                Tuple.of(2, Arbitraries.integers().between(0x1F300, 0x1FAFF)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        Arbitrary<String> generated = codePoints.list().ofMaxSize(12).map(list -> {
            StringBuilder text = new StringBuilder();
            list.forEach(text::appendCodePoint);
            return text.toString();
        });
        return Arbitraries.frequencyOf(
                Tuple.of(8, generated),
                Tuple.of(1, Arbitraries.of("", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "e\u0301",
                        "\uD83C\uDDEB\uD83C\uDDF7", "\uD840\uDC00\uD869\uDEDF", "a.b [0]", " ")));
    }

    @Provide
    Arbitrary<Long> longs() {
        return Arbitraries.oneOf(
                Arbitraries.longs(),
                Arbitraries.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, Long.MAX_VALUE - 1, 0L, -1L, 1L,
                        (long) Integer.MIN_VALUE - 1, (long) Integer.MAX_VALUE + 1));
    }

    /** Every Number type, with up to 38 significant digits and magnitudes across DynamoDB's range. */
    @Provide
    Arbitrary<Number> storableNumbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().map(i -> (Number) i)),
                Tuple.of(2, longs().map(l -> (Number) l)),
                Tuple.of(1, Arbitraries.shorts().map(s -> (Number) s)),
                Tuple.of(1, Arbitraries.bytes().map(b -> (Number) b)),
                Tuple.of(2, storableDecimals().map(d -> (Number) d)),
                Tuple.of(2, storableDecimals().filter(d -> d.signum() == 0 || d.scale() <= 0)
                        .map(d -> (Number) d.toBigIntegerExact())),
                Tuple.of(1, aroundLongBoundaries()),
                Tuple.of(2, storableDoubles().map(d -> (Number) d)),
                Tuple.of(1, finiteFloats().map(f -> (Number) f)));
    }

    private Arbitrary<Number> aroundLongBoundaries() {
        return Arbitraries.of(-2, -1, 0, 1, 2).flatMap(offset -> Arbitraries.of(
                (Number) BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(offset)),
                BigInteger.valueOf(Long.MIN_VALUE).add(BigInteger.valueOf(offset)),
                new BigDecimal(Long.MAX_VALUE).add(BigDecimal.valueOf(offset)).setScale(2),
                new BigDecimal(Long.MIN_VALUE).add(BigDecimal.valueOf(offset, 1))));
    }

    /** Up to 38 significant digits, leading-digit exponent in [-130, 125], sometimes padded with trailing zeros. */
    @Provide
    Arbitrary<BigDecimal> storableDecimals() {
        Arbitrary<String> digits = Arbitraries.integers().between(1, 38)
                .flatMap(length -> Arbitraries.strings().withCharRange('0', '9').ofLength(length));
        Arbitrary<Integer> exponents = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-130, 125)),
                Tuple.of(2, Arbitraries.integers().between(-10, 40)),
                Tuple.of(1, Arbitraries.of(-130, 125, 18, 19)));
        return Combinators.combine(digits, exponents, Arbitraries.of(true, false), Arbitraries.integers().between(0, 4))
                .as((unscaledDigits, exponent, negative, paddingZeros) -> {
                    BigInteger unscaled = new BigInteger(unscaledDigits);
                    if (unscaled.signum() == 0) {
                        return BigDecimal.ZERO.setScale(paddingZeros);
                    }
                    int precision = unscaled.toString().length();
                    BigDecimal value = new BigDecimal(negative ? unscaled.negate() : unscaled, precision - 1 - exponent);
                    return value.setScale(value.scale() + paddingZeros);
                });
    }

    @Provide
    Arbitrary<Double> storableDoubles() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble),
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(0.1, 0.2, 0.3, 1.0 / 3, -0.0, 0.0, 1e-130, 1.7976931348623157e125, 9.999999999999999e125,
                        Double.MIN_NORMAL * 1e178, (double) Long.MAX_VALUE, 4503599627370496.5))
                .filter(AttributeValuesPropertyTest::isStorable);
    }

    private static boolean isStorable(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return false;
        }
        BigDecimal magnitude = new BigDecimal(Double.toString(value)).abs();
        return magnitude.signum() == 0 || (magnitude.compareTo(SMALLEST) >= 0 && magnitude.compareTo(TOO_LARGE) < 0);
    }

    @Provide
    Arbitrary<Float> finiteFloats() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(Float::intBitsToFloat),
                Arbitraries.floats().between(-1000f, 1000f),
                Arbitraries.of(0.1f, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.MIN_NORMAL))
                .filter(Float::isFinite);
    }

    @Provide
    Arbitrary<Number> unstorableNumbers() {
        Arbitrary<Number> tooManyDigits = Arbitraries.integers().between(39, 60)
                .flatMap(length -> Arbitraries.strings().withCharRange('0', '9').ofLength(length - 2))
                .flatMap(middle -> Arbitraries.integers().between(-150, 150).map(scale ->
                        (Number) new BigDecimal(new BigInteger("1" + middle + "1"), scale)));
        Arbitrary<Number> tooLarge = storableDecimals().filter(d -> d.signum() != 0)
                .flatMap(d -> Arbitraries.integers().between(1, 400).map(shift ->
                        (Number) d.stripTrailingZeros().scaleByPowerOfTen(126 - exponentOf(d) + shift - 1)));
        Arbitrary<Number> tooSmall = storableDecimals().filter(d -> d.signum() != 0)
                .flatMap(d -> Arbitraries.integers().between(1, 400).map(shift ->
                        (Number) d.stripTrailingZeros().scaleByPowerOfTen(-130 - exponentOf(d) - shift)));
        Arbitrary<Number> doubles = Arbitraries.longs().map(Double::longBitsToDouble)
                .filter(d -> !isStorable(d)).map(d -> (Number) d);
        Arbitrary<Number> bigIntegers = Arbitraries.integers().between(126, 200)
                .map(power -> (Number) BigInteger.TEN.pow(power).negate());
        return Arbitraries.oneOf(tooManyDigits, tooLarge, tooSmall, doubles, bigIntegers,
                Arbitraries.of(Double.NaN, Float.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
    }

    private static int exponentOf(BigDecimal nonZero) {
        BigDecimal stripped = nonZero.stripTrailingZeros();
        return stripped.precision() - 1 - stripped.scale();
    }

    @Provide
    Arbitrary<Object> binaries() {
        Arbitrary<byte[]> arrays = Arbitraries.bytes().array(byte[].class).ofMaxSize(16);
        Arbitrary<Object> buffers = Combinators.combine(arrays, Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 3), Arbitraries.of(true, false)).as((bytes, before, after, direct) -> {
                    byte[] padded = new byte[before + bytes.length + after];
                    System.arraycopy(bytes, 0, padded, before, bytes.length);
                    ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(padded.length).put(padded) : ByteBuffer.wrap(padded);
                    buffer.limit(before + bytes.length).position(before);
                    return buffer;
                });
        return Arbitraries.oneOf(arrays.map(bytes -> (Object) bytes), buffers,
                arrays.map(bytes -> (Object) SdkBytes.fromByteArray(bytes)));
    }

    private Arbitrary<Object> stringSets() {
        return strings().list().ofMinSize(1).ofMaxSize(5).map(list -> (Object) new LinkedHashSet<>(list));
    }

    /** Numbers of every type, without two that DynamoDB would see as the same number. */
    private Arbitrary<Object> numberSets() {
        return storableNumbers().list().ofMinSize(1).ofMaxSize(5).map(list -> {
            Map<BigDecimal, Number> byValue = new LinkedHashMap<>();
            list.forEach(number -> byValue.putIfAbsent(normalised(exactValue(number)), number));
            return new LinkedHashSet<>(byValue.values());
        });
    }

    /** Binary values of every type, without two holding the same bytes. */
    private Arbitrary<Object> binarySets() {
        return binaries().list().ofMinSize(1).ofMaxSize(4).map(list -> {
            Map<String, Object> byContent = new LinkedHashMap<>();
            list.forEach(binary -> byContent.putIfAbsent(HexFormat.of().formatHex(bytesOf(binary)), binary));
            return new LinkedHashSet<>(byContent.values());
        });
    }

    private Arbitrary<Object> primitiveArrays() {
        return Arbitraries.oneOf(
                Arbitraries.integers().array(int[].class).ofMaxSize(4).map(a -> (Object) a),
                Arbitraries.longs().array(long[].class).ofMaxSize(4).map(a -> (Object) a),
                storableDoubles().list().ofMaxSize(4)
                        .map(list -> (Object) list.stream().mapToDouble(Double::doubleValue).toArray()),
                Arbitraries.of(new boolean[] {true, false}, new boolean[0]).map(a -> (Object) a.clone()));
    }

    /** Values that are written as their ISO-8601 text or name. */
    private Arbitrary<Object> stringLike() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L);
        Arbitrary<Integer> nanos = Arbitraries.integers().between(0, 999_999_999);
        Arbitrary<Instant> instants = Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((high, low) -> (Object) new UUID(high, low)),
                instants.map(i -> (Object) i),
                instants.map(i -> (Object) OffsetDateTime.ofInstant(i, ZoneOffset.ofHoursMinutes(5, 30))),
                instants.map(i -> (Object) ZonedDateTime.ofInstant(i, ZoneId.of("America/New_York"))),
                instants.map(i -> (Object) LocalDate.ofInstant(i, ZoneOffset.UTC)),
                instants.map(i -> (Object) LocalDateTime.ofInstant(i, ZoneOffset.UTC)),
                Arbitraries.of(Size.class).map(s -> (Object) s));
    }

    // ---------------------------------------------------------------- the expected normalised form

    /** What {@code fromAttributeValue(toAttributeValue(value))} should give, computed without the class under test. */
    private static Object expected(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number) {
            return expectedNumber(exactValue((Number) value));
        }
        if (isBinary(value)) {
            return bytesOf(value);
        }
        if (value instanceof Set) {
            Set<Object> set = new LinkedHashSet<>();
            for (Object element : (Set<?>) value) {
                set.add(isBinary(element) ? SdkBytes.fromByteArray(bytesOf(element)) : expected(element));
            }
            return set;
        }
        if (value instanceof Map) {
            Map<Object, Object> map = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> map.put(k, expected(v)));
            return map;
        }
        if (value instanceof Collection) {
            List<Object> list = new ArrayList<>();
            ((Collection<?>) value).forEach(element -> list.add(expected(element)));
            return list;
        }
        if (value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(expected(Array.get(value, i)));
            }
            return list;
        }
        if (value instanceof Enum) {
            return ((Enum<?>) value).name();
        }
        return value.toString();
    }

    private static Object expectedNumber(BigDecimal exact) {
        return isLongValued(exact) ? (Object) exact.longValueExact() : exact;
    }

    private static boolean isLongValued(BigDecimal value) {
        return value.signum() == 0 || (value.stripTrailingZeros().scale() <= 0
                && value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0);
    }

    /** The exact decimal value a number stands for; doubles and floats by their shortest decimal text. */
    private static BigDecimal exactValue(Number number) {
        if (number instanceof BigDecimal) {
            return (BigDecimal) number;
        }
        if (number instanceof BigInteger) {
            return new BigDecimal((BigInteger) number);
        }
        if (number instanceof Double || number instanceof Float) {
            return new BigDecimal(number.toString());
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static BigDecimal normalised(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /**
     * A form with value equality throughout: BigDecimals normalised (so equal values are equal), byte arrays as
     * hex, and maps and sets as ordered lists so that their order is compared too.
     */
    private static Object comparable(Object value) {
        if (value instanceof BigDecimal) {
            return normalised((BigDecimal) value);
        }
        if (value instanceof byte[]) {
            return new Bytes(HexFormat.of().formatHex((byte[]) value));
        }
        if (value instanceof Set) {
            List<Object> elements = new ArrayList<>();
            ((Set<?>) value).forEach(element -> elements.add(comparable(element)));
            return new OrderedSet(elements);
        }
        if (value instanceof Map) {
            List<Object> entries = new ArrayList<>();
            ((Map<?, ?>) value).forEach((k, v) -> entries.add(List.of(k, new Holder(comparable(v)))));
            return new OrderedMap(entries);
        }
        if (value instanceof List) {
            List<Object> elements = new ArrayList<>();
            ((List<?>) value).forEach(element -> elements.add(new Holder(comparable(element))));
            return elements;
        }
        return value;
    }

    private record Bytes(String hex) {
    }

    private record OrderedSet(List<Object> elements) {
    }

    private record OrderedMap(List<Object> entries) {
    }

    /** Lets {@code null} sit in an immutable list. */
    private record Holder(Object value) {
    }

    private static boolean isBinary(Object value) {
        return value instanceof byte[] || value instanceof ByteBuffer || value instanceof SdkBytes;
    }

    private static byte[] bytesOf(Object binary) {
        if (binary instanceof byte[]) {
            return ((byte[]) binary).clone();
        }
        if (binary instanceof SdkBytes) {
            return ((SdkBytes) binary).asByteArray();
        }
        ByteBuffer buffer = (ByteBuffer) binary;
        byte[] bytes = new byte[buffer.remaining()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = buffer.get(buffer.position() + i);
        }
        return bytes;
    }

    private static void assertNumbersAreCanonical(AttributeValue value) {
        switch (value.type()) {
            case N:
                assertCanonical(value.n());
                break;
            case NS:
                value.ns().forEach(AttributeValuesPropertyTest::assertCanonical);
                break;
            case L:
                value.l().forEach(AttributeValuesPropertyTest::assertNumbersAreCanonical);
                break;
            case M:
                value.m().values().forEach(AttributeValuesPropertyTest::assertNumbersAreCanonical);
                break;
            default:
                break;
        }
    }

    private static void assertCanonical(String number) {
        assertThat(number).matches(CANONICAL_NUMBER);
        BigDecimal value = new BigDecimal(number);
        if (value.signum() != 0) {
            assertThat(value.stripTrailingZeros().precision()).isLessThanOrEqualTo(38);
            assertThat(value.abs()).isBetween(SMALLEST, TOO_LARGE);
            assertThat(value.abs()).isNotEqualByComparingTo(TOO_LARGE);
        }
    }
}
