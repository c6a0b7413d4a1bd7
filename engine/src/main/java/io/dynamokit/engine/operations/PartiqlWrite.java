package io.dynamokit.engine.operations;

import io.dynamokit.engine.expressions.ProjectionExpression;
import io.dynamokit.engine.expressions.UpdateExpression;
import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.model.DynamoException.CancellationReason;
import io.dynamokit.engine.model.ItemSize;
import io.dynamokit.engine.partiql.Ast;
import io.dynamokit.engine.partiql.Errors;
import io.dynamokit.engine.partiql.Evaluator;
import io.dynamokit.engine.partiql.Planner;
import io.dynamokit.engine.storage.Mutation;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One PartiQL write (INSERT, UPDATE, DELETE, or EXISTS in a transaction) planned against its table under the write
 * lock. INSERT is refused when the key holds an item; UPDATE needs the item to exist and the WHERE clause to hold;
 * DELETE of a missing item does nothing, of an item failing the WHERE clause fails its condition.
 */
final class PartiqlWrite {
    private final Ast.Statement statement;
    private final Table table;
    private final Map<String, AttributeValue> target;
    private final UpdateExpression update;
    private final Ast.Expr where;

    /** What evaluating the write gave: a failure, or the old item and what to write (deletes: remove the item). */
    record Outcome(DynamoException failure, Map<String, AttributeValue> old, Map<String, AttributeValue> written,
            boolean deletes, Map<String, AttributeValue> returned) {
    }

    private PartiqlWrite(Ast.Statement statement, Table table, Map<String, AttributeValue> target,
            UpdateExpression update, Ast.Expr where) {
        this.statement = statement;
        this.table = table;
        this.target = target;
        this.update = update;
        this.where = where;
    }

    static PartiqlWrite plan(Ast.Statement statement, Storage storage) {
        Table table = storage.itemTable(statement.table());
        if (statement instanceof Ast.Insert insert) {
            if (!(insert.value() instanceof Ast.Literal literal) || !(literal.value() instanceof AttributeValue.M m)) {
                throw DynamoException.validation("Statement wasn't well formed, can't be processed: Expected a tuple "
                        + "in VALUE");
            }
            Map<String, AttributeValue> item = new LinkedHashMap<>(m.values());
            Keys.checkSize(item);
            Keys.checkItem(table.metadata(), item);
            return new PartiqlWrite(statement, table, item, null, null);
        }
        Ast.Expr where;
        UpdateExpression update = null;
        if (statement instanceof Ast.Update u) {
            where = u.where();
            Map<String, AttributeValue> key = Planner.key(where, table.keySchema());
            update = Planner.update(u.changes());
            for (String attribute : update.topLevelAttributes()) {
                if (table.keySchema().isKeyAttribute(attribute)) {
                    throw DynamoException.validation("One or more parameter values were invalid: Cannot update "
                            + "attribute " + attribute + ". This attribute is part of the key");
                }
            }
            Keys.checkKey(table.metadata(), key);
            return new PartiqlWrite(statement, table, key, update, where);
        }
        where = statement instanceof Ast.Delete d ? d.where() : ((Ast.Exists) statement).select().where();
        Map<String, AttributeValue> key = Planner.key(where, table.keySchema());
        Keys.checkKey(table.metadata(), key);
        return new PartiqlWrite(statement, table, key, null, where);
    }

    Table table() {
        return table;
    }

    /** The item (INSERT) or key (the others) written. */
    Map<String, AttributeValue> target() {
        return target;
    }

    /** Evaluates the write against the table as it is; changes nothing. */
    Outcome evaluate(boolean returnOldOnFailure) {
        Map<String, AttributeValue> old = table.get(target);
        try {
            if (statement instanceof Ast.Insert) {
                if (old != null) {
                    return failed(Errors.duplicateItem(), old);
                }
                return new Outcome(null, null, target, false, null);
            }
            if (statement instanceof Ast.Delete delete) {
                if (old == null) {
                    return new Outcome(null, null, null, false, null);
                }
                if (!Evaluator.test(where, old)) {
                    return failed(DynamoException.conditionalCheckFailed(returnOldOnFailure ? old : null), old);
                }
                return new Outcome(null, old, null, true, delete.returning() != null ? old : null);
            }
            if (old == null || !Evaluator.test(where, old)) {
                return failed(DynamoException.conditionalCheckFailed(returnOldOnFailure ? old : null), old);
            }
            if (statement instanceof Ast.Exists) {
                return new Outcome(null, old, null, false, null);
            }
            Map<String, AttributeValue> updated = update.apply(old);
            Keys.checkIndexKeys(table.metadata(), updated);
            if (ItemSize.tooLarge(updated)) {
                throw DynamoException.validation("Item size to update has exceeded the maximum allowed size");
            }
            return new Outcome(null, old, updated, false, returned(((Ast.Update) statement).returning(), old,
                    updated));
        } catch (DynamoException invalid) {
            if (!invalid.shortType().equals("ValidationException")) {
                throw invalid;
            }
            return failed(invalid, old);
        }
    }

    private static Outcome failed(DynamoException failure, Map<String, AttributeValue> old) {
        return new Outcome(failure, old, null, false, null);
    }

    private Map<String, AttributeValue> returned(Ast.Returning returning, Map<String, AttributeValue> old,
            Map<String, AttributeValue> updated) {
        if (returning == null) {
            return null;
        }
        Map<String, AttributeValue> item = returning.newValues() ? updated : old;
        return returning.all() ? item : ProjectionExpression.of(update.paths()).apply(item);
    }

    /** Records the outcome's change. */
    void apply(Mutation mutation, Outcome outcome) {
        if (outcome.written() != null) {
            mutation.put(table, outcome.written());
        } else if (outcome.deletes()) {
            mutation.delete(table, target);
        }
    }

    /** The cancellation reason of a failed outcome in a transaction, or {@link Transactions#NONE}. */
    static CancellationReason reason(Outcome outcome) {
        DynamoException failure = outcome.failure();
        if (failure == null) {
            return Transactions.NONE;
        }
        return switch (failure.shortType()) {
            case "ConditionalCheckFailedException" -> Transactions.conditionFailed(failure.item());
            case "DuplicateItemException" -> new CancellationReason("DuplicateItem", failure.getMessage(), null);
            default -> Transactions.validationError(failure);
        };
    }

    /** The Code a batch answers for an error: DynamoDB's type without "Exception" (ValidationError for validation). */
    static String errorCode(DynamoException error) {
        String type = error.shortType();
        if (type.equals("ValidationException")) {
            return "ValidationError";
        }
        return type.endsWith("Exception") ? type.substring(0, type.length() - "Exception".length()) : type;
    }
}
