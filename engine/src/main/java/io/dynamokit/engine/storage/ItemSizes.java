package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.ItemSize;
import java.util.Map;

/**
 * An item's size as DynamoDB counts it ({@link ItemSize#of(Map)}), for reads of stored items: a stored item keeps its
 * size, counted when it was stored, where {@link ItemSize} would read every value again (a stored item decodes each
 * value it is asked for).
 */
public final class ItemSizes {

    private ItemSizes() {
    }

    /** The size kept by a stored item (a table's item or an index's entry), else {@link ItemSize#of(Map)}. */
    public static long of(Map<String, AttributeValue> item) {
        return item instanceof StoredItem stored ? stored.dynamoDbSize() : ItemSize.of(item);
    }
}
