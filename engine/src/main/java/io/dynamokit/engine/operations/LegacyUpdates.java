package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.AttributePath;
import io.dynamokit.engine.expressions.LegacyTrees;
import io.dynamokit.engine.expressions.ProjectionExpression;
import io.dynamokit.engine.expressions.UpdateExpression;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.AttributeValues;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.protocol.Request;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateItem's AttributeUpdates and the reads' AttributesToGet, with DynamoDB's checks and messages. An
 * AttributeUpdates entry without Action is a PUT; a value is required except for DELETE, which then removes the
 * attribute; DELETE with a value takes a set, ADD a number, a set or a list.
 */
final class LegacyUpdates {
    static final String[] ACTIONS = {"ADD", "PUT", "DELETE"};
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Set<String> SETS = Set.of("SS", "NS", "BS");
    private static final Set<String> ADDABLE = Set.of("N", "SS", "NS", "BS", "L");

    private LegacyUpdates() {
    }

    /** One AttributeUpdates entry as sent, its members read with their JSON types. */
    record Entry(String attribute, String action, Object value) {
    }

    /** The AttributeUpdates entries in request order; null when the request does not carry them. */
    static List<Entry> read(Request request) {
        Map<String, Object> map = request.map("AttributeUpdates");
        if (map == null) {
            return null;
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Map<String, Object> update = Nodes.struct(e.getValue());
            if (update == null) {
                update = Map.of();
            }
            entries.add(new Entry(e.getKey(), Nodes.string(update.get("Action")), Nodes.struct(update.get("Value"))));
        }
        return entries;
    }

    /** The first pass's constraint on each Action, from the last entry to the first as DynamoDB lists them. */
    static void constrain(Constraints c, List<Entry> entries) {
        if (entries == null) {
            return;
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            c.oneOf("attributeUpdates." + entry.attribute() + ".member.action", entry.action(), ACTIONS);
        }
    }

    /** AttributeUpdates, checked, as the update it stands for; null without AttributeUpdates. */
    static UpdateExpression update(List<Entry> entries) {
        if (entries == null) {
            return null;
        }
        List<LegacyTrees.Update> updates = new ArrayList<>();
        for (Entry entry : entries) {
            String action = entry.action() == null ? "PUT" : entry.action();
            AttributeValue value = entry.value() == null ? null : AttributeValues.value(entry.value());
            if (value == null && !action.equals("DELETE")) {
                throw DynamoException.validation(INVALID
                        + "Only DELETE action is allowed when no attribute value is specified");
            }
            if (value != null && action.equals("DELETE") && !SETS.contains(value.type())) {
                throw DynamoException.validation(INVALID + "DELETE action with value is not supported for the type "
                        + value.type());
            }
            if (value != null && action.equals("ADD") && !ADDABLE.contains(value.type())) {
                throw DynamoException.validation(INVALID + "ADD action is not supported for the type "
                        + value.type());
            }
            updates.add(new LegacyTrees.Update(entry.attribute(), action, value));
        }
        return LegacyTrees.update(updates);
    }

    /** AttributesToGet as the projection of those top-level attributes; null without AttributesToGet. */
    static ProjectionExpression attributesToGet(List<String> names) {
        if (names == null) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        List<AttributePath> paths = new ArrayList<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw DynamoException.validation(INVALID + "Duplicate value in attribute name: " + name);
            }
            paths.add(new AttributePath(List.of(name)));
        }
        return ProjectionExpression.of(paths);
    }
}
