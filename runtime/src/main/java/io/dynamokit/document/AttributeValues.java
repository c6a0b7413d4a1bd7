package io.dynamokit.document;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts between plain Java values and DynamoDB {@link AttributeValue}s.
 *
 * <h2>Java to DynamoDB</h2>
 * <table>
 * <caption>Marshalling</caption>
 * <tr><th>Java</th><th>DynamoDB</th></tr>
 * <tr><td>{@code String}</td><td>S</td></tr>
 * <tr><td>{@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code BigInteger}, {@code BigDecimal},
 * {@code Double}, {@code Float}</td><td>N</td></tr>
 * <tr><td>{@code Boolean}</td><td>BOOL</td></tr>
 * <tr><td>{@code null}</td><td>NULL</td></tr>
 * <tr><td>{@code byte[]}, {@code ByteBuffer} (its remaining bytes; its position is left unchanged),
 * {@code SdkBytes}</td><td>B</td></tr>
 * <tr><td>{@code List} and any other {@code Collection} that is not a {@code Set}; arrays other than
 * {@code byte[]} (object arrays and primitive arrays, except {@code char[]})</td><td>L</td></tr>
 * <tr><td>{@code Map<String, ?>}</td><td>M</td></tr>
 * <tr><td>non-empty {@code Set} of Strings / Numbers / binary values</td><td>SS / NS / BS</td></tr>
 * <tr><td>{@code UUID}, {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code LocalDate},
 * {@code LocalDateTime}</td><td>S, the value's {@code toString()}, which is ISO-8601 (a {@code ZonedDateTime}
 * gives e.g. {@code 2024-03-01T10:15:30+01:00[Europe/Paris]}: offset, then the zone ID in brackets when the
 * zone is a region)</td></tr>
 * <tr><td>{@code Enum}</td><td>S, the constant's {@link Enum#name() name()}</td></tr>
 * <tr><td>{@code AttributeValue}</td><td>itself, unchanged</td></tr>
 * </table>
 *
 * <p>
 * Numbers are written as exact, plain decimal text without exponent and without trailing zeros after the
 * decimal point ({@code 100}, {@code 0.1}, {@code -12.5}): integers as their decimal digits, a
 * {@code BigDecimal} by its value (so {@code 1.50} is written {@code 1.5}, as DynamoDB would store it anyway),
 * a {@code Double} or {@code Float} by the shortest decimal text that reads back as the same {@code double}
 * or {@code float} ({@code 0.1} and {@code 0.1f} are both written {@code 0.1}). Numbers DynamoDB cannot
 * store are rejected: NaN, infinities, more than 38 significant digits, and magnitudes outside
 * {@code 1E-130} to {@code 9.9999999999999999999999999999999999999E+125} (zero is allowed).
 *
 * <p>
 * Sets are rejected when empty, when they hold {@code null}, when they mix Strings, Numbers and binary
 * values, and when two of their elements are the same DynamoDB value (for example {@code 1} and {@code 1.0},
 * or two byte arrays with equal content), since DynamoDB stores none of these. Also rejected, for the same
 * reason: empty attribute names and map keys, Strings (values, set elements, names, keys) holding an unpaired
 * surrogate, which UTF-8 cannot encode, and lists and maps nested more than 31 deep inside an attribute
 * (DynamoDB's 32 levels count the attribute itself), which also catches values that contain themselves.
 *
 * <h2>DynamoDB to Java</h2>
 * <table>
 * <caption>Unmarshalling</caption>
 * <tr><th>DynamoDB</th><th>Java</th></tr>
 * <tr><td>S</td><td>{@code String}</td></tr>
 * <tr><td>N</td><td>{@code Long} when the number is integral and between {@link Long#MIN_VALUE} and
 * {@link Long#MAX_VALUE}, otherwise {@code BigDecimal} (compare those with {@code compareTo}, not
 * {@code equals})</td></tr>
 * <tr><td>BOOL</td><td>{@code Boolean}</td></tr>
 * <tr><td>NULL</td><td>{@code null}</td></tr>
 * <tr><td>B</td><td>{@code byte[]} (a fresh copy)</td></tr>
 * <tr><td>SS</td><td>{@code Set<String>} (a {@code LinkedHashSet} in the order DynamoDB gave)</td></tr>
 * <tr><td>NS</td><td>{@code Set} of {@code Long} / {@code BigDecimal} as for N ({@code LinkedHashSet})</td></tr>
 * <tr><td>BS</td><td>{@code Set<SdkBytes>} ({@code LinkedHashSet}); not {@code byte[]}, whose {@code equals}
 * compares identity and so cannot make a set</td></tr>
 * <tr><td>L</td><td>{@code List} ({@code ArrayList})</td></tr>
 * <tr><td>M</td><td>{@code Map<String, Object>} ({@code LinkedHashMap})</td></tr>
 * </table>
 * Dates, times, UUIDs and enums come back as the Strings they were written as. Their text is not fixed-width
 * ({@code toString()} drops zero seconds and writes fractions in groups of three digits), so, for example,
 * {@code Instant} strings sort chronologically only among values written with the same precision; keep that in
 * mind before using them in a sort key.
 *
 * <h2>Errors</h2>
 * Every problem is reported as an {@link IllegalArgumentException} whose message starts with the path of the
 * offending attribute in DynamoDB document-path style ({@code order.lines[3].price}; a set element is shown as
 * {@code tags (set element "x")}), names the offending type or value, and says what is allowed. Map keys are
 * printed as they are, even when they contain dots or spaces. Nothing is returned when marshalling fails.
 */
public final class AttributeValues {

    /** Significant digits DynamoDB keeps in a number. */
    private static final int MAX_SIGNIFICANT_DIGITS = 38;
    /** Decimal exponent of the leading digit of the largest DynamoDB number magnitude. */
    private static final int MAX_EXPONENT = 125;
    /** Decimal exponent of the leading digit of the smallest non-zero DynamoDB number magnitude. */
    private static final int MIN_EXPONENT = -130;
    /**
     * Lists and maps DynamoDB nests in one attribute at most (its 32 levels count the attribute itself); deeper
     * values, including values that contain themselves, are refused.
     */
    private static final int MAX_NESTING = 31;
    /** Longest value text quoted in an error message. */
    private static final int MAX_QUOTED_LENGTH = 60;
    /** Path used when a single value is converted without a name. */
    private static final String DEFAULT_PATH = "value";

    private static final String NUMBER_TYPES = "Integer, Long, Short, Byte, BigInteger, BigDecimal, Double, Float";
    private static final String SUPPORTED_TYPES = "String, Number (" + NUMBER_TYPES + "), Boolean, null, byte[], "
            + "ByteBuffer, SdkBytes, List, arrays, Map<String, ?>, Set of String/Number/binary, UUID, Instant, "
            + "OffsetDateTime, ZonedDateTime, LocalDate, LocalDateTime, enums, AttributeValue";
    private static final String SET_ELEMENT_TYPES = "String, Number (" + NUMBER_TYPES
            + ") or binary (byte[], ByteBuffer, SdkBytes)";
    private static final String RANGE = "magnitudes from 1E-130 to 9.9999999999999999999999999999999999999E+125, and 0";

    private static final AttributeValue NULL = AttributeValue.fromNul(Boolean.TRUE);

    private AttributeValues() {
    }

    /**
     * Marshals a whole item.
     *
     * @param item the attributes; keys are attribute names, values anything listed in the class description
     * @return a new mutable map with the same attribute names, in the iteration order of {@code item}
     * @throws IllegalArgumentException if an attribute name is not a String or a value cannot be stored in
     *         DynamoDB; the message names the attribute path
     * @throws NullPointerException if {@code item} is {@code null}
     */
    public static Map<String, AttributeValue> toItem(Map<String, ?> item) {
        Objects.requireNonNull(item, "item");
        Map<String, AttributeValue> result = new LinkedHashMap<>(capacityFor(item.size()));
        for (Map.Entry<?, ?> entry : item.entrySet()) {
            Object name = entry.getKey();
            if (!(name instanceof String)) {
                throw new IllegalArgumentException("item: attribute names must be Strings, found " + typed(name));
            }
            checkName((String) name, "item", "attribute names", "an attribute name");
            result.put((String) name, marshal(entry.getValue(), Path.root((String) name), 0));
        }
        return result;
    }

    /**
     * Marshals one value; error messages call it {@code value}.
     *
     * @param value anything listed in the class description, {@code null} included
     * @return the DynamoDB value
     * @throws IllegalArgumentException if the value cannot be stored in DynamoDB
     */
    public static AttributeValue toAttributeValue(Object value) {
        return toAttributeValue(DEFAULT_PATH, value);
    }

    /**
     * Marshals one value that will be stored at {@code path}.
     *
     * @param path the attribute path used in error messages, e.g. {@code order} or {@code order.lines[3]}
     * @param value anything listed in the class description, {@code null} included
     * @return the DynamoDB value
     * @throws IllegalArgumentException if the value cannot be stored in DynamoDB; the message starts with
     *         {@code path}
     */
    public static AttributeValue toAttributeValue(String path, Object value) {
        return marshal(value, Path.root(Objects.requireNonNull(path, "path")), 0);
    }

    /**
     * Unmarshals a whole item.
     *
     * @param item the attributes as the SDK returns them
     * @return a new insertion-ordered map ({@link LinkedHashMap}) in the order {@code item} iterates, with the
     *         values converted as listed in the class description
     * @throws IllegalArgumentException if a value is {@code null} or of a type this SDK version does not know;
     *         the message names the attribute path
     * @throws NullPointerException if {@code item} is {@code null}
     */
    public static Map<String, Object> fromItem(Map<String, AttributeValue> item) {
        Objects.requireNonNull(item, "item");
        Map<String, Object> result = new LinkedHashMap<>(capacityFor(item.size()));
        for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
            result.put(entry.getKey(), unmarshal(entry.getValue(), Path.root(entry.getKey())));
        }
        return result;
    }

    /**
     * Unmarshals one value; error messages call it {@code value}.
     *
     * @param value the DynamoDB value
     * @return the Java value, as listed in the class description ({@code null} for NULL)
     * @throws IllegalArgumentException if {@code value} is {@code null}, sets no type or several, or is of a
     *         type this SDK version does not know
     */
    public static Object fromAttributeValue(AttributeValue value) {
        return fromAttributeValue(DEFAULT_PATH, value);
    }

    /**
     * Unmarshals one value read from {@code path}.
     *
     * @param path the attribute path used in error messages, e.g. {@code order}
     * @param value the DynamoDB value
     * @return the Java value, as listed in the class description ({@code null} for NULL)
     * @throws IllegalArgumentException if {@code value} is {@code null}, sets no type or several, or is of a
     *         type this SDK version does not know; the message starts with {@code path}
     */
    public static Object fromAttributeValue(String path, AttributeValue value) {
        return unmarshal(value, Path.root(Objects.requireNonNull(path, "path")));
    }

    // ---------------------------------------------------------------- Java -> DynamoDB

    private static AttributeValue marshal(Object value, Path path, int depth) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof AttributeValue) {
            return (AttributeValue) value;
        }
        if (value instanceof String) {
            checkUnicode((String) value, path, "the String");
            return AttributeValue.fromS((String) value);
        }
        if (value instanceof Boolean) {
            return AttributeValue.fromBool((Boolean) value);
        }
        if (value instanceof Number) {
            return AttributeValue.fromN(numberText((Number) value, path));
        }
        if (isBinary(value)) {
            return AttributeValue.fromB(bytesOf(value));
        }
        if (value instanceof Set) {
            return marshalSet((Set<?>) value, path);
        }
        if (value instanceof Map) {
            checkNesting(path, depth);
            return marshalMap((Map<?, ?>) value, path, depth);
        }
        if (value instanceof Collection) {
            checkNesting(path, depth);
            return marshalCollection((Collection<?>) value, path, depth);
        }
        if (value instanceof Object[]) {
            checkNesting(path, depth);
            return marshalObjectArray((Object[]) value, path, depth);
        }
        if (value.getClass().isArray() && !(value instanceof char[])) {
            checkNesting(path, depth);
            return marshalPrimitiveArray(value, path, depth);
        }
        if (value instanceof UUID || value instanceof Instant || value instanceof OffsetDateTime
                || value instanceof ZonedDateTime || value instanceof LocalDate || value instanceof LocalDateTime) {
            return AttributeValue.fromS(value.toString());
        }
        if (value instanceof Enum) {
            return AttributeValue.fromS(((Enum<?>) value).name());
        }
        throw new IllegalArgumentException(path + ": unsupported type " + value.getClass().getTypeName()
                + "; supported: " + SUPPORTED_TYPES);
    }

    private static void checkNesting(Path path, int depth) {
        if (depth >= MAX_NESTING) {
            throw new IllegalArgumentException(path + ": lists and maps are nested more than " + MAX_NESTING
                    + " deep, beyond DynamoDB's limit of 32 levels per attribute (does the value contain itself?)");
        }
    }

    private static void checkName(String name, Object path, String names, String aName) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException(path + ": " + names
                    + " must not be empty (DynamoDB rejects empty attribute names)");
        }
        checkUnicode(name, path, aName);
    }

    /** DynamoDB stores text as UTF-8, which cannot encode a lone surrogate: it would silently become '?'. */
    private static void checkUnicode(String text, Object path, String what) {
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    throw new IllegalArgumentException(path + ": " + what + " holds an unpaired surrogate ("
                            + String.format("\\u%04X", (int) c) + " at index " + i
                            + "), which is not valid Unicode and cannot be stored in DynamoDB");
                }
            }
        }
    }

    private static AttributeValue marshalMap(Map<?, ?> map, Path path, int depth) {
        Map<String, AttributeValue> result = new LinkedHashMap<>(capacityFor(map.size()));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            if (!(key instanceof String)) {
                throw new IllegalArgumentException(path + ": map keys must be Strings, found " + typed(key));
            }
            checkName((String) key, path, "map keys", "a map key");
            result.put((String) key, marshal(entry.getValue(), path.key((String) key), depth + 1));
        }
        return AttributeValue.fromM(result);
    }

    private static AttributeValue marshalCollection(Collection<?> collection, Path path, int depth) {
        List<AttributeValue> result = new ArrayList<>(collection.size());
        int index = 0;
        for (Object element : collection) {
            result.add(marshal(element, path.index(index++), depth + 1));
        }
        return AttributeValue.fromL(result);
    }

    private static AttributeValue marshalObjectArray(Object[] array, Path path, int depth) {
        List<AttributeValue> result = new ArrayList<>(array.length);
        for (int i = 0; i < array.length; i++) {
            result.add(marshal(array[i], path.index(i), depth + 1));
        }
        return AttributeValue.fromL(result);
    }

    private static AttributeValue marshalPrimitiveArray(Object array, Path path, int depth) {
        int length = Array.getLength(array);
        List<AttributeValue> result = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            result.add(marshal(Array.get(array, i), path.index(i), depth + 1));
        }
        return AttributeValue.fromL(result);
    }

    private enum SetKind {
        STRING,
        NUMBER,
        BINARY
    }

    private static AttributeValue marshalSet(Set<?> set, Path path) {
        if (set.isEmpty()) {
            throw new IllegalArgumentException(path
                    + ": empty sets cannot be stored in DynamoDB; store no attribute, or a list");
        }
        SetKind kind = null;
        Object first = null;
        List<String> texts = new ArrayList<>(set.size());
        List<SdkBytes> binaries = new ArrayList<>(set.size());
        Map<Object, Object> seen = new HashMap<>(capacityFor(set.size()));
        for (Object element : set) {
            SetKind elementKind = kindOf(element, path);
            if (kind == null) {
                kind = elementKind;
                first = element;
            } else if (elementKind != kind) {
                throw new IllegalArgumentException(path
                        + ": a set must hold one kind of value (String, Number or binary), found "
                        + first.getClass().getTypeName() + " and " + element.getClass().getTypeName());
            }
            Object stored;
            switch (elementKind) {
                case STRING:
                    checkUnicode((String) element, path, "a set element");
                    stored = element;
                    texts.add((String) element);
                    break;
                case NUMBER:
                    stored = numberText((Number) element, path.setElement(element));
                    texts.add((String) stored);
                    break;
                default:
                    SdkBytes bytes = bytesOf(element);
                    stored = bytes;
                    binaries.add(bytes);
                    break;
            }
            Object earlier = seen.putIfAbsent(stored, element);
            if (earlier != null) {
                throw new IllegalArgumentException(path + ": set elements " + describe(earlier) + " and "
                        + describe(element) + " are the same " + (kind == SetKind.BINARY ? "bytes" : "value")
                        + " to DynamoDB, and a set cannot hold duplicates");
            }
        }
        switch (kind) {
            case STRING:
                return AttributeValue.fromSs(texts);
            case NUMBER:
                return AttributeValue.fromNs(texts);
            default:
                return AttributeValue.fromBs(binaries);
        }
    }

    private static SetKind kindOf(Object element, Path path) {
        if (element instanceof String) {
            return SetKind.STRING;
        }
        if (isSupportedNumber(element)) {
            return SetKind.NUMBER;
        }
        if (isBinary(element)) {
            return SetKind.BINARY;
        }
        if (element == null) {
            throw new IllegalArgumentException(path + ": a set cannot hold null; set elements must be "
                    + SET_ELEMENT_TYPES + " (use a list to store null)");
        }
        throw new IllegalArgumentException(path + ": a set cannot hold " + typed(element)
                + "; set elements must be " + SET_ELEMENT_TYPES);
    }

    private static boolean isSupportedNumber(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal || value instanceof Double
                || value instanceof Float;
    }

    private static boolean isBinary(Object value) {
        return value instanceof byte[] || value instanceof ByteBuffer || value instanceof SdkBytes;
    }

    private static SdkBytes bytesOf(Object binary) {
        if (binary instanceof SdkBytes) {
            return (SdkBytes) binary;
        }
        if (binary instanceof byte[]) {
            return SdkBytes.fromByteArray((byte[]) binary);
        }
        ByteBuffer view = ((ByteBuffer) binary).duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return SdkBytes.fromByteArrayUnsafe(bytes);
    }

    /** The exact DynamoDB text of a number: plain notation, no trailing fractional zeros. */
    private static String numberText(Number number, Path path) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            return Long.toString(number.longValue());
        }
        BigDecimal decimal;
        if (number instanceof BigDecimal) {
            decimal = (BigDecimal) number;
        } else if (number instanceof BigInteger) {
            decimal = new BigDecimal((BigInteger) number);
        } else if (number instanceof Double) {
            double d = (Double) number;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw notFinite(number, path);
            }
            decimal = new BigDecimal(Double.toString(d));
        } else if (number instanceof Float) {
            float f = (Float) number;
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                throw notFinite(number, path);
            }
            decimal = new BigDecimal(Float.toString(f));
        } else {
            throw new IllegalArgumentException(path + ": unsupported type " + number.getClass().getTypeName()
                    + "; supported: " + SUPPORTED_TYPES);
        }
        if (decimal.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        int digits = stripped.precision();
        if (digits > MAX_SIGNIFICANT_DIGITS) {
            throw new IllegalArgumentException(path + ": " + quote(number.toString()) + " has " + digits
                    + " significant digits, but DynamoDB numbers have at most " + MAX_SIGNIFICANT_DIGITS);
        }
        long exponent = (long) digits - 1 - stripped.scale();
        if (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT) {
            throw new IllegalArgumentException(path + ": " + quote(number.toString())
                    + " is outside the range of DynamoDB numbers (" + RANGE + ")");
        }
        return stripped.toPlainString();
    }

    private static IllegalArgumentException notFinite(Number number, Path path) {
        return new IllegalArgumentException(path + ": " + number
                + " is not a number DynamoDB can store (NaN and infinities are not allowed)");
    }

    // ---------------------------------------------------------------- DynamoDB -> Java

    private static Object unmarshal(AttributeValue value, Path path) {
        if (value == null) {
            throw new IllegalArgumentException(path
                    + ": found null instead of an AttributeValue (DynamoDB's NULL is AttributeValue.fromNul(true))");
        }
        AttributeValue.Type type = value.type();
        if (type == null) {
            throw new IllegalArgumentException(path
                    + ": the AttributeValue has more than one type set; an AttributeValue must have exactly one");
        }
        switch (type) {
            case S:
                return value.s();
            case N:
                return parseNumber(value.n(), path);
            case BOOL:
                return value.bool();
            case NUL:
                return null;
            case B:
                return value.b().asByteArray();
            case SS:
                return unmarshalStringSet(value.ss(), path);
            case NS:
                return unmarshalNumberSet(value.ns(), path);
            case BS:
                return unmarshalBinarySet(value.bs(), path);
            case L:
                return unmarshalList(value.l(), path);
            case M:
                return unmarshalMap(value.m(), path);
            default:
                throw new IllegalArgumentException(path + ": the AttributeValue has no value of a type this SDK "
                        + "version knows (" + type + "); known types: S, N, B, SS, NS, BS, M, L, BOOL, NULL");
        }
    }

    private static Set<String> unmarshalStringSet(List<String> strings, Path path) {
        Set<String> result = new LinkedHashSet<>(capacityFor(strings.size()));
        for (String string : strings) {
            if (string == null) {
                throw new IllegalArgumentException(path + ": the string set holds null");
            }
            result.add(string);
        }
        return result;
    }

    private static Set<Object> unmarshalNumberSet(List<String> numbers, Path path) {
        Set<Object> result = new LinkedHashSet<>(capacityFor(numbers.size()));
        for (String number : numbers) {
            result.add(parseNumber(number, number == null ? path : path.setElement(number)));
        }
        return result;
    }

    private static Set<SdkBytes> unmarshalBinarySet(List<SdkBytes> binaries, Path path) {
        Set<SdkBytes> result = new LinkedHashSet<>(capacityFor(binaries.size()));
        for (SdkBytes bytes : binaries) {
            if (bytes == null) {
                throw new IllegalArgumentException(path + ": the binary set holds null");
            }
            result.add(bytes);
        }
        return result;
    }

    private static List<Object> unmarshalList(List<AttributeValue> values, Path path) {
        List<Object> result = new ArrayList<>(values.size());
        int index = 0;
        for (AttributeValue element : values) {
            result.add(unmarshal(element, path.index(index++)));
        }
        return result;
    }

    private static Map<String, Object> unmarshalMap(Map<String, AttributeValue> values, Path path) {
        Map<String, Object> result = new LinkedHashMap<>(capacityFor(values.size()));
        for (Map.Entry<String, AttributeValue> entry : values.entrySet()) {
            result.put(entry.getKey(), unmarshal(entry.getValue(), path.key(entry.getKey())));
        }
        return result;
    }

    /** {@code Long} when integral and within long range, otherwise the {@code BigDecimal} the text denotes. */
    private static Object parseNumber(String text, Path path) {
        if (text == null) {
            throw new IllegalArgumentException(path + ": the number set holds null");
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": " + quote("\"" + text + "\"")
                    + " is not a DynamoDB number (expected decimal text such as 42, -0.5 or 1.5E+30)");
        }
        if (decimal.signum() == 0) {
            return 0L;
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0 && (long) stripped.precision() - stripped.scale() <= 19) {
            try {
                return stripped.longValueExact();
            } catch (ArithmeticException outsideLongRange) {
                return decimal;
            }
        }
        return decimal;
    }

    // ---------------------------------------------------------------- messages and paths

    /** A value as shown in a message: strings quoted, binary by size, numbers by their text. */
    private static String describe(Object value) {
        if (value instanceof String) {
            return quote("\"" + value + "\"");
        }
        if (value instanceof byte[]) {
            return "byte[] of " + ((byte[]) value).length + " bytes";
        }
        if (value instanceof ByteBuffer) {
            return "ByteBuffer of " + ((ByteBuffer) value).remaining() + " bytes";
        }
        if (value instanceof SdkBytes) {
            return "SdkBytes of " + ((SdkBytes) value).asByteBuffer().remaining() + " bytes";
        }
        return quote(String.valueOf(value));
    }

    /** A value with its type, e.g. {@code java.lang.Integer (1)}. */
    private static String typed(Object value) {
        if (value == null) {
            return "null";
        }
        return value.getClass().getTypeName() + " (" + describe(value) + ")";
    }

    private static String quote(String text) {
        if (text.length() <= MAX_QUOTED_LENGTH) {
            return text;
        }
        int end = MAX_QUOTED_LENGTH;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...(" + text.length() + " characters)";
    }

    private static int capacityFor(int size) {
        return size < 3 ? size + 1 : (int) Math.min(Integer.MAX_VALUE, (long) size * 4 / 3 + 1);
    }

    /** An attribute path, rendered only when an error message needs it. */
    private static final class Path {

        private final Path parent;
        /** The attribute name or map key; {@code null} for a list index or a set element. */
        private final String name;
        private final int index;
        /** The set element this path ends at, if it does. */
        private final Object element;

        private Path(Path parent, String name, int index, Object element) {
            this.parent = parent;
            this.name = name;
            this.index = index;
            this.element = element;
        }

        static Path root(String name) {
            return new Path(null, name, -1, null);
        }

        Path key(String key) {
            return new Path(this, key, -1, null);
        }

        Path index(int i) {
            return new Path(this, null, i, null);
        }

        Path setElement(Object setElement) {
            return new Path(this, null, -1, setElement);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            appendTo(text);
            return text.toString();
        }

        private void appendTo(StringBuilder text) {
            if (parent != null) {
                parent.appendTo(text);
            }
            if (name != null) {
                if (parent != null) {
                    text.append('.');
                }
                text.append(name);
            } else if (element != null) {
                text.append(" (set element ").append(describe(element)).append(')');
            } else {
                text.append('[').append(index).append(']');
            }
        }
    }
}
