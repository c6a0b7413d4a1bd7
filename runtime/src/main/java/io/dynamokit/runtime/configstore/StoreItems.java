package io.dynamokit.runtime.configstore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.configstore.ConfigStoreTableException;
import io.dynamokit.configstore.InvalidConfigOptionException;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.GetOptions;
import io.dynamokit.document.Query;
import io.dynamokit.document.WriteOptions;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A store's options as items of its table: one item per option under the store's hash key, the version attribute
 * with optimistic locking. Reads are consistent. A missing table is a {@link ConfigStoreTableException}, an item
 * DynamoDB refuses an {@link InvalidConfigOptionException}; a failed version condition is left to the store, as the
 * SDK's {@link ConditionalCheckFailedException}.
 */
final class StoreItems {

    private final StoreSettings settings;
    private final DocumentClient documents;
    private final OptionChecks checks;
    private final Map<String, Object> storeKey;

    StoreItems(StoreSettings settings, DocumentClient documents, OptionChecks checks) {
        this.settings = settings;
        this.documents = documents;
        this.checks = checks;
        this.storeKey = Map.of(settings.storeKeyAttribute(), settings.storeName());
    }

    /** The option, or null when it is missing. */
    ConfigOption read(String option) {
        Optional<Map<String, Object>> item;
        try {
            item = documents.getItem(settings.tableName(), key(option), GetOptions.consistent());
        } catch (ResourceNotFoundException e) {
            throw tableGone(e);
        }
        return item.isPresent() ? toOption(item.get()) : null;
    }

    /** Every option of the store: one query, all its pages. */
    List<ConfigOption> readAll() {
        Query query = Query.on(settings.tableName()).keyCondition("#store = :store")
                .name("#store", settings.storeKeyAttribute()).value(":store", settings.storeName())
                .consistentRead(true);
        try (Stream<Map<String, Object>> items = documents.query(query)) {
            return items.map(this::toOption).toList();
        } catch (ResourceNotFoundException e) {
            throw tableGone(e);
        }
    }

    /**
     * Replaces the option's item.
     *
     * @param values checked values; marshalled here, before anything is sent
     * @param expectedVersion with optimistic locking, the version the item must have (0: none)
     * @return the option as written
     */
    ConfigOption put(String option, Map<String, ?> values, long expectedVersion) {
        Map<String, Object> item = new LinkedHashMap<>(values);
        item.put(settings.storeKeyAttribute(), settings.storeName());
        item.put(settings.optionKeyAttribute(), option);
        WriteOptions write = WriteOptions.defaults();
        if (settings.optimisticLocking()) {
            item.put(settings.versionAttribute(), expectedVersion + 1);
            write = versionCondition(expectedVersion);
        }
        Map<String, Object> normalized = checks.marshals(option, item);
        try {
            documents.putItem(settings.tableName(), item, write);
        } catch (DynamoDbException e) {
            throw writeFailure(option, e);
        }
        return toOption(normalized);
    }

    /**
     * Sets these values of the option, keeping its others (creates it when missing).
     *
     * @param values checked, marshallable, not empty
     * @return the option as it is after the update
     */
    ConfigOption update(String option, Map<String, ?> values, long expectedVersion) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Object> placeholders = new LinkedHashMap<>();
        List<String> assignments = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, ?> value : values.entrySet()) {
            names.put("#k" + i, value.getKey());
            placeholders.put(":v" + i, value.getValue());
            assignments.add("#k" + i + " = :v" + i);
            i++;
        }
        WriteOptions write = WriteOptions.returning(ReturnValue.ALL_NEW);
        if (settings.optimisticLocking()) {
            WriteOptions condition = versionCondition(expectedVersion);
            names.putAll(condition.expressionNames());
            placeholders.putAll(condition.expressionValues());
            names.put("#version", settings.versionAttribute());
            placeholders.put(":next", expectedVersion + 1);
            assignments.add("#version = :next");
            write = write.condition(condition.conditionExpression().orElseThrow());
        }
        WriteOptions options = write.names(names).values(placeholders);
        String expression = "SET " + String.join(", ", assignments);
        Map<String, Object> after;
        try {
            after = documents.updateItem(settings.tableName(), key(option), expression, options).orElseThrow();
        } catch (DynamoDbException e) {
            throw writeFailure(option, e);
        }
        return toOption(after);
    }

    /** Deletes the option's item; a missing one is no error. */
    void delete(String option, long expectedVersion) {
        WriteOptions write = settings.optimisticLocking() ? versionCondition(expectedVersion) : WriteOptions.defaults();
        try {
            documents.deleteItem(settings.tableName(), key(option), write);
        } catch (ResourceNotFoundException e) {
            throw tableGone(e);
        }
    }

    /** Version 0: the option has no version yet (missing, or written without locking); else exactly that version. */
    private WriteOptions versionCondition(long expectedVersion) {
        if (expectedVersion == 0) {
            return WriteOptions.when("attribute_not_exists(#version)").name("#version", settings.versionAttribute());
        }
        return WriteOptions.when("#version = :expected").name("#version", settings.versionAttribute())
                .value(":expected", expectedVersion);
    }

    private Map<String, Object> key(String option) {
        Map<String, Object> key = new LinkedHashMap<>(storeKey);
        key.put(settings.optionKeyAttribute(), option);
        return key;
    }

    private ConfigOption toOption(Map<String, Object> item) {
        Map<String, Object> values = new LinkedHashMap<>(item);
        values.remove(settings.storeKeyAttribute());
        Object name = values.remove(settings.optionKeyAttribute());
        long version = 0;
        if (settings.optimisticLocking()) {
            Object stored = values.remove(settings.versionAttribute());
            if (stored instanceof Number number) {
                version = number.longValue();
            }
        }
        return new ConfigOption(String.valueOf(name), values, version);
    }

    private ConfigStoreTableException tableGone(RuntimeException cause) {
        return new ConfigStoreTableException(settings.name(), settings.tableName(),
                ConfigStoreTableException.Problem.NOT_READY, "Table '" + settings.tableName() + "' of config store '"
                        + settings.name() + "' does not exist (any more); nothing was written",
                cause);
    }

    /**
     * What a failed put or update of the option throws: a failed version condition as itself, for the store; a
     * missing table as {@link #tableGone}; an item DynamoDB refuses as an {@link InvalidConfigOptionException}; any
     * other failure as itself.
     */
    private RuntimeException writeFailure(String option, DynamoDbException e) {
        if (e instanceof ConditionalCheckFailedException) {
            return e;
        }
        if (e instanceof ResourceNotFoundException) {
            return tableGone(e);
        }
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if ("ValidationException".equals(code)) {
            return new InvalidConfigOptionException(settings.name(), option, "Option '" + option
                    + "' of config store '" + settings.name()
                    + "' was rejected by DynamoDB, nothing was written: " + e.awsErrorDetails().errorMessage()
                    + " (an item, key attributes included, holds at most 400 KB)", e);
        }
        return e;
    }
}
