package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.ConditionExpression;
import io.dynamokit.engine.expressions.ExpressionContext;
import io.dynamokit.engine.expressions.UpdateExpression;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.model.DynamoException.CancellationReason;
import io.dynamokit.engine.model.ItemSize;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One action of TransactWriteItems (Put, Update, Delete or ConditionCheck), checked as its single-item operation
 * checks it. What can be known from the request is checked when the action is read ({@link #read}), before any
 * table is looked up; what depends on the stored item is found by {@link #evaluate}, which changes nothing and
 * answers the action's cancellation reason or the item to write.
 */
final class TransactWriteAction {
    static final List<String> KINDS = List.of("ConditionCheck", "Put", "Delete", "Update");

    private final String kind;
    private final String tableName;
    private final Map<String, AttributeValue> item;
    private final Map<String, AttributeValue> key;
    private final ConditionExpression condition;
    private final UpdateExpression update;
    private final boolean returnOldOnFailure;

    /** What evaluating an action against the stored item gave. */
    record Outcome(CancellationReason reason, Map<String, AttributeValue> old, Map<String, AttributeValue> written,
            boolean deletes) {
        boolean failed() {
            return reason != Transactions.NONE;
        }
    }

    private TransactWriteAction(String kind, String tableName, Map<String, AttributeValue> item,
            Map<String, AttributeValue> key, ConditionExpression condition, UpdateExpression update,
            boolean returnOldOnFailure) {
        this.kind = kind;
        this.tableName = tableName;
        this.item = item;
        this.key = key;
        this.condition = condition;
        this.update = update;
        this.returnOldOnFailure = returnOldOnFailure;
    }

    /** The member constraints of one TransactWriteItem (path {@code transactItems.N.member}). */
    static void checkMembers(Constraints c, String path, Map<String, Object> transactItem) {
        for (String kind : KINDS) {
            Map<String, Object> action = Nodes.struct(transactItem.get(kind));
            if (action == null) {
                continue;
            }
            String actionPath = path + "." + Character.toLowerCase(kind.charAt(0)) + kind.substring(1);
            Transactions.checkTarget(c, actionPath, action, kind.equals("Put") ? "Item" : "Key");
            if (kind.equals("Update")) {
                c.notNull(actionPath + ".updateExpression", action.get("UpdateExpression"));
            }
            if (kind.equals("ConditionCheck")) {
                c.notNull(actionPath + ".conditionExpression", action.get("ConditionExpression"));
            }
            c.oneOf(actionPath + ".returnValuesOnConditionCheckFailure",
                    Nodes.string(action.get("ReturnValuesOnConditionCheckFailure")), "ALL_OLD", "NONE");
        }
    }

    /** Reads and checks an action: its values, item size and expressions. */
    static TransactWriteAction read(Request request, Map<String, Object> transactItem) {
        String kind = null;
        int kinds = 0;
        for (String candidate : KINDS) {
            if (transactItem.get(candidate) != null) {
                kind = candidate;
                kinds++;
            }
        }
        if (kinds != 1) {
            throw DynamoException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        Request action = new Request(request.operation(), request.region(), Nodes.struct(transactItem.get(kind)));
        Map<String, AttributeValue> item = null;
        Map<String, AttributeValue> key = null;
        if (kind.equals("Put")) {
            item = action.item("Item");
            Keys.checkSize(item);
        } else {
            key = action.item("Key");
        }
        String conditionText = action.string("ConditionExpression");
        String updateText = action.string("UpdateExpression");
        ExpressionContext ctx = ItemRequests.context(action,
                conditionText == null && updateText == null ? "ConditionExpression is null" : null, true);
        UpdateExpression update = kind.equals("Update") ? UpdateExpression.parse(updateText, ctx) : null;
        ConditionExpression condition = conditionText == null ? null
                : ConditionExpression.parse(conditionText, ctx, "ConditionExpression");
        ctx.checkAllUsed();
        return new TransactWriteAction(kind, action.string("TableName"), item, key, condition, update,
                "ALL_OLD".equals(action.string("ReturnValuesOnConditionCheckFailure")));
    }

    String tableName() {
        return tableName;
    }

    /** The item (Put) or key (the others) the action targets. */
    Map<String, AttributeValue> target() {
        return item != null ? item : key;
    }

    /** What counts toward the transaction's 4 MB: a put's item, another action's key. */
    long size() {
        return ItemSize.of(target());
    }

    /** Evaluates the action against the table as it is; changes nothing. */
    Outcome evaluate(Table table) {
        try {
            if (item != null) {
                Keys.checkItem(table.metadata(), item);
            } else {
                Keys.checkKey(table.metadata(), key);
            }
            if (update != null) {
                for (String attribute : update.topLevelAttributes()) {
                    if (table.keySchema().isKeyAttribute(attribute)) {
                        throw DynamoException.validation("One or more parameter values were invalid: Cannot update "
                                + "attribute " + attribute + ". This attribute is part of the key");
                    }
                }
            }
            Map<String, AttributeValue> old = table.get(target());
            if (condition != null && !condition.test(old)) {
                return new Outcome(Transactions.conditionFailed(returnOldOnFailure ? old : null), old, null, false);
            }
            switch (kind) {
                case "Put":
                    return new Outcome(Transactions.NONE, old, item, false);
                case "Delete":
                    return new Outcome(Transactions.NONE, old, null, true);
                case "Update": {
                    Map<String, AttributeValue> updated = update.apply(old != null ? old
                            : new LinkedHashMap<>(table.keySchema().keyAttributes(key)));
                    Keys.checkIndexKeys(table.metadata(), updated);
                    if (ItemSize.tooLarge(updated)) {
                        throw DynamoException.validation("Item size to update has exceeded the maximum allowed size");
                    }
                    return new Outcome(Transactions.NONE, old, updated, false);
                }
                default:
                    return new Outcome(Transactions.NONE, old, null, false);
            }
        } catch (DynamoException invalid) {
            if (!invalid.shortType().equals("ValidationException")) {
                throw invalid;
            }
            return new Outcome(Transactions.validationError(invalid), null, null, false);
        }
    }
}
