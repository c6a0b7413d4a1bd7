package io.dynamokit.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.dynamokit.document.AttributeValues;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.document.DocumentTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converting a 20-attribute order item between plain Java values and {@code AttributeValue}s: DynamoKit's
 * {@link AttributeValues} against the SDK's {@link EnhancedDocument}.
 * <p>
 * {@code AttributeValues} discovers each value's type at run time. The {@code EnhancedDocument} side is written the way
 * its API asks for: one typed {@code put...}/{@code get...} call per attribute, naming the type of every attribute
 * (the nested map is a nested {@code EnhancedDocument}). Both sides start from the same {@code Map<String, Object>}
 * and end with an equal {@code Map<String, Object>} (numbers as {@code Long}/{@code BigDecimal}, binary as
 * {@code byte[]}, sets as {@code Set}, the nested map as a {@code Map}); {@link #checkBothAgree()} verifies this
 * before measuring.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class MarshallingBenchmark {

    private static final EnhancedType<String> STRING = EnhancedType.of(String.class);
    private static final EnhancedType<Long> LONG = EnhancedType.of(Long.class);
    /** A nested document: a map attribute whose values have different types. */
    private static final EnhancedType<EnhancedDocument> DOCUMENT = EnhancedType.documentOf(EnhancedDocument.class,
            DocumentTableSchema.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                    .build());

    private Map<String, Object> item;
    private Map<String, AttributeValue> attributeValues;

    @Setup
    public void setup() {
        item = sampleOrder();
        attributeValues = AttributeValues.toItem(item);
        checkBothAgree();
    }

    // ---- Java -> AttributeValue -> Java

    @Benchmark
    public Map<String, Object> roundTripDynamoKit() {
        return AttributeValues.fromItem(AttributeValues.toItem(item));
    }

    @Benchmark
    public Map<String, Object> roundTripEnhancedDocument() {
        return fromEnhancedDocument(EnhancedDocument.fromAttributeValueMap(toEnhancedDocument(item).toMap()));
    }

    // ---- each direction alone

    @Benchmark
    public Map<String, AttributeValue> toItemDynamoKit() {
        return AttributeValues.toItem(item);
    }

    @Benchmark
    public Map<String, AttributeValue> toItemEnhancedDocument() {
        return toEnhancedDocument(item).toMap();
    }

    @Benchmark
    public Map<String, Object> fromItemDynamoKit() {
        return AttributeValues.fromItem(attributeValues);
    }

    @Benchmark
    public Map<String, Object> fromItemEnhancedDocument() {
        return fromEnhancedDocument(EnhancedDocument.fromAttributeValueMap(attributeValues));
    }

    // ---- the item

    /** An order: 20 attributes, strings, numbers, booleans, a set, binary, a nested map with a list, a null. */
    static Map<String, Object> sampleOrder() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", "12 Harbour Road");
        address.put("city", "Cambridge");
        address.put("postcode", "CB1 2AB");
        address.put("country", "GB");
        address.put("lines", List.of("Flat 3", "Second floor", "Ring twice"));
        address.put("floor", 2);

        byte[] checksum = new byte[32];
        for (int i = 0; i < checksum.length; i++) {
            checksum[i] = (byte) (i * 37 + 11);
        }

        Map<String, Object> order = new LinkedHashMap<>();
        order.put("pk", "CUSTOMER#8f14e45f-ceea-467f-a0e8-2f8f1e0c6a51");
        order.put("sk", "ORDER#2024-03-01#000123");
        order.put("orderId", "c9bf9e57-1685-4c89-bafb-ff5af830be8a");
        order.put("customerName", "Ada Lovelace");
        order.put("email", "ada.lovelace@example.com");
        order.put("status", "SHIPPED");
        order.put("createdAt", "2024-03-01T10:15:30.123Z");
        order.put("updatedAt", "2024-03-02T08:00:00Z");
        order.put("quantity", 3);
        order.put("version", 17L);
        order.put("total", new BigDecimal("1234.56"));
        order.put("weightKg", 2.75d);
        order.put("paid", Boolean.TRUE);
        order.put("gift", Boolean.FALSE);
        order.put("tags", new LinkedHashSet<>(List.of("express", "fragile", "priority", "eu")));
        order.put("checksum", checksum);
        order.put("shippingAddress", address);
        order.put("itemCounts", List.of(1L, 2L, 3L, 5L, 8L));
        order.put("couponCode", null);
        order.put("notes", "Leave the parcel with the neighbour at number 14 if nobody answers; "
                + "the side gate is open until 6 pm on weekdays.");
        return order;
    }

    // ---- the same conversion with EnhancedDocument, attribute by attribute

    @SuppressWarnings("unchecked")
    private static EnhancedDocument toEnhancedDocument(Map<String, Object> order) {
        Map<String, Object> address = (Map<String, Object>) order.get("shippingAddress");
        EnhancedDocument shippingAddress = EnhancedDocument.builder()
                .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .putString("street", (String) address.get("street"))
                .putString("city", (String) address.get("city"))
                .putString("postcode", (String) address.get("postcode"))
                .putString("country", (String) address.get("country"))
                .putList("lines", (List<String>) address.get("lines"), STRING)
                .putNumber("floor", (Number) address.get("floor"))
                .build();
        EnhancedDocument.Builder builder = EnhancedDocument.builder()
                .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .putString("pk", (String) order.get("pk"))
                .putString("sk", (String) order.get("sk"))
                .putString("orderId", (String) order.get("orderId"))
                .putString("customerName", (String) order.get("customerName"))
                .putString("email", (String) order.get("email"))
                .putString("status", (String) order.get("status"))
                .putString("createdAt", (String) order.get("createdAt"))
                .putString("updatedAt", (String) order.get("updatedAt"))
                .putNumber("quantity", (Number) order.get("quantity"))
                .putNumber("version", (Number) order.get("version"))
                .putNumber("total", (Number) order.get("total"))
                .putNumber("weightKg", (Number) order.get("weightKg"))
                .putBoolean("paid", (Boolean) order.get("paid"))
                .putBoolean("gift", (Boolean) order.get("gift"))
                .putStringSet("tags", (Set<String>) order.get("tags"))
                .putBytes("checksum", SdkBytes.fromByteArray((byte[]) order.get("checksum")))
                .put("shippingAddress", shippingAddress, DOCUMENT)
                .putList("itemCounts", (List<Long>) order.get("itemCounts"), LONG);
        if (order.get("couponCode") == null) {
            builder.putNull("couponCode");
        } else {
            builder.putString("couponCode", (String) order.get("couponCode"));
        }
        return builder.putString("notes", (String) order.get("notes")).build();
    }

    private static Map<String, Object> fromEnhancedDocument(EnhancedDocument document) {
        EnhancedDocument address = document.get("shippingAddress", DOCUMENT);
        Map<String, Object> shippingAddress = new LinkedHashMap<>();
        shippingAddress.put("street", address.getString("street"));
        shippingAddress.put("city", address.getString("city"));
        shippingAddress.put("postcode", address.getString("postcode"));
        shippingAddress.put("country", address.getString("country"));
        shippingAddress.put("lines", address.getList("lines", STRING));
        shippingAddress.put("floor", address.getNumber("floor").longValue());

        Map<String, Object> order = new LinkedHashMap<>();
        order.put("pk", document.getString("pk"));
        order.put("sk", document.getString("sk"));
        order.put("orderId", document.getString("orderId"));
        order.put("customerName", document.getString("customerName"));
        order.put("email", document.getString("email"));
        order.put("status", document.getString("status"));
        order.put("createdAt", document.getString("createdAt"));
        order.put("updatedAt", document.getString("updatedAt"));
        order.put("quantity", document.getNumber("quantity").longValue());
        order.put("version", document.getNumber("version").longValue());
        order.put("total", document.getNumber("total").bigDecimalValue());
        order.put("weightKg", document.getNumber("weightKg").bigDecimalValue());
        order.put("paid", document.getBoolean("paid"));
        order.put("gift", document.getBoolean("gift"));
        order.put("tags", document.getStringSet("tags"));
        order.put("checksum", document.getBytes("checksum").asByteArray());
        order.put("shippingAddress", shippingAddress);
        order.put("itemCounts", document.getList("itemCounts", LONG));
        order.put("couponCode", document.isNull("couponCode") ? null : document.getString("couponCode"));
        order.put("notes", document.getString("notes"));
        return order;
    }

    // ---- both sides must produce the same thing

    void checkBothAgree() {
        Map<String, AttributeValue> dynamoKit = toItemDynamoKit();
        Map<String, AttributeValue> enhanced = toItemEnhancedDocument();
        if (!dynamoKit.equals(enhanced)) {
            throw new IllegalStateException("The two sides write different items:\n" + dynamoKit + "\n" + enhanced);
        }
        for (Map<String, Object> read : List.of(roundTripDynamoKit(), roundTripEnhancedDocument(), fromItemDynamoKit(),
                fromItemEnhancedDocument())) {
            if (!sameValue(read, roundTripDynamoKit())) {
                throw new IllegalStateException("The two sides read different values:\n" + describe(read) + "\n"
                        + describe(roundTripDynamoKit()));
            }
        }
        if (!AttributeValues.toItem(roundTripEnhancedDocument()).equals(dynamoKit)) {
            throw new IllegalStateException("The values read do not write the same item again");
        }
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof byte[] bytesA && b instanceof byte[] bytesB) {
            return Arrays.equals(bytesA, bytesB);
        }
        if (a instanceof BigDecimal decimalA && b instanceof BigDecimal decimalB) {
            return decimalA.compareTo(decimalB) == 0;
        }
        if (a instanceof Map<?, ?> mapA && b instanceof Map<?, ?> mapB) {
            if (!mapA.keySet().equals(mapB.keySet())) {
                return false;
            }
            for (Object key : mapA.keySet()) {
                if (!sameValue(mapA.get(key), mapB.get(key))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> listA && b instanceof List<?> listB) {
            if (listA.size() != listB.size()) {
                return false;
            }
            for (int i = 0; i < listA.size(); i++) {
                if (!sameValue(listA.get(i), listB.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a != null && b != null && a.getClass() != b.getClass() && !(a instanceof Set && b instanceof Set)) {
            return false;
        }
        return Objects.equals(a, b);
    }

    private static String describe(Map<String, Object> item) {
        List<String> parts = new ArrayList<>();
        item.forEach((name, value) -> parts.add(name + "=" + (value instanceof byte[] bytes ? Arrays.toString(bytes)
                : value + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")"))));
        return String.join(", ", parts);
    }
}
