package io.dynamokit.benchmarks;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * The size DynamoDB counts for an item (attribute names plus values, as in its item size rules), for the figures
 * the benchmarks print about their data.
 */
final class ItemSize {

    private ItemSize() {
    }

    static long of(Map<String, ?> item) {
        long size = 0;
        for (Map.Entry<String, ?> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + valueSize(attribute.getValue());
        }
        return size;
    }

    private static long valueSize(Object value) {
        if (value == null || value instanceof Boolean) {
            return 1;
        }
        if (value instanceof String text) {
            return utf8(text);
        }
        if (value instanceof Number number) {
            // about one byte per two significant digits, plus one
            String digits = new BigDecimal(number.toString()).stripTrailingZeros().unscaledValue().abs().toString();
            return (digits.length() + 1) / 2 + 1;
        }
        if (value instanceof byte[] bytes) {
            return bytes.length;
        }
        if (value instanceof Map<?, ?> map) {
            long size = 3;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 1 + utf8(String.valueOf(entry.getKey())) + valueSize(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            long size = 3;
            for (Object element : values) {
                size += 1 + valueSize(element);
            }
            return size;
        }
        return utf8(value.toString());
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
