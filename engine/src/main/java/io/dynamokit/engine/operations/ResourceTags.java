package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DynamoDB's rules for the tags of TagResource and UntagResource: keys of 1 to 128 and values of up to 256 letters,
 * digits, spaces and {@code _ . : / = + - @}, no key prefixed with {@code aws:} in any case, at most 50 per table.
 * A violation names the offending key or value; none of a request's tags is applied when one is refused.
 */
final class ResourceTags {
    static final int LIMIT = 50;
    private static final Pattern CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private ResourceTags() {
    }

    static void checkKey(String key) {
        if (key == null || !fits(key, 1, 128)) {
            throw DynamoException.validation("The Tag Key provided is invalid, Key: " + key);
        }
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw DynamoException.validation("Tag Key cannot be prefixed with aws:, Key: " + key);
        }
    }

    static void checkValue(Object node) {
        String value = Nodes.string(node);
        if (value == null || !fits(value, 0, 256)) {
            throw DynamoException.validation("The Tag Value provided is invalid, Value: " + value);
        }
    }

    static DynamoException tooMany() {
        return DynamoException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
    }

    /** The table whose tags a TagResource or UntagResource changes, read under the write lock. */
    static Table changeable(Storage storage, String name, String arn) {
        Table table = storage.find(name);
        if (table == null) {
            throw ResourceArns.notFound(arn);
        }
        if (table.metadata().status(storage.now()).equals("DELETING")) {
            throw DynamoException.resourceInUse(
                    "Attempt to change a resource which is still in use: Table is being deleted: " + name);
        }
        return table;
    }

    /** The required members, checked before anything else as DynamoDB's request validation does. */
    static void required(String arn, String listPath, List<?> list) {
        Constraints c = new Constraints().notNull("resourceArn", arn);
        if (arn != null) {
            c.length("resourceArn", arn, arn.length(), 1, 1283);
        }
        if (listPath != null) {
            c.notNull(listPath, list);
        }
        c.check();
    }

    static List<Map<String, Object>> asTagList(Map<String, String> tags) {
        return tags.entrySet().stream()
                .map(e -> Map.<String, Object>of("Key", e.getKey(), "Value", e.getValue()))
                .toList();
    }

    private static boolean fits(String text, int min, int max) {
        int length = text.codePointCount(0, text.length());
        return length >= min && length <= max && CHARACTERS.matcher(text).matches();
    }
}
