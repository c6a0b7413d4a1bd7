package io.dynamokit.engine.operations;

import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.Map;

/**
 * ListTagsOfResource: a table's tags in the order they were first set. DynamoDB pages this list, but the 50 tags a
 * table may hold always fit one page, so an answer never carries a NextToken (and a NextToken given reads the
 * whole list again).
 * <p>
 * For the ARN of a table that does not exist DynamoDB answers this operation with AccessDeniedException (the caller
 * is not authorized on it), where TagResource and UntagResource answer ResourceNotFoundException.
 */
final class ListTagsOfResource implements Operation {
    private final Storage storage;

    ListTagsOfResource(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String arn = request.string("ResourceArn");
        request.string("NextToken");
        ResourceTags.required(arn, null, null);
        String name = ResourceArns.tableName(arn, "ListTagsOfResource");
        return storage.read(() -> {
            Table table = storage.find(name);
            if (table == null) {
                throw ResourceArns.accessDenied(arn, "ListTagsOfResource");
            }
            return Map.of("Tags", ResourceTags.asTagList(table.metadata().tags()));
        });
    }
}
