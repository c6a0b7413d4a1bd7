package io.dynamokit.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a query or scan.
 *
 * @param items the items of the page, as plain Java values (empty for {@code Select.COUNT})
 * @param count how many items matched on this page (after the filter)
 * @param scannedCount how many items DynamoDB read for this page (before the filter)
 * @param lastEvaluatedKey where the next page starts; empty on the last page
 */
public record Page(List<Map<String, Object>> items, int count, int scannedCount,
        Optional<Map<String, Object>> lastEvaluatedKey) {

    public Page {
        items = List.copyOf(items);
    }

    /** Whether another page follows. */
    public boolean hasMore() {
        return lastEvaluatedKey.isPresent();
    }
}
