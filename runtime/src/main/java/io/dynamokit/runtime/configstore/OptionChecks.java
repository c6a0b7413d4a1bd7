package io.dynamokit.runtime.configstore;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import io.dynamokit.configstore.InvalidConfigOptionException;
import io.dynamokit.document.AttributeValues;

/**
 * What a store refuses before anything is sent to DynamoDB, each refusal naming the store and the option: empty or
 * over-long option names, values keyed by a key or version attribute, values DynamoDB cannot hold.
 */
final class OptionChecks {

    /** A UTF-16 unit is at most 3 bytes in UTF-8: a name of at most this many chars is within DynamoDB's limit. */
    static final int ALWAYS_SHORT_ENOUGH = StoreSettings.MAX_OPTION_NAME_BYTES / 3;

    private final StoreSettings settings;

    OptionChecks(StoreSettings settings) {
        this.settings = settings;
    }

    /** A range key value: not empty, at most 1,024 bytes in UTF-8 (counted only for names that could be longer). */
    void name(String option) {
        if (option == null || option.isEmpty()) {
            throw new InvalidConfigOptionException(settings.name(), option,
                    "Config store '" + settings.name() + "': an option name must not be empty");
        }
        if (option.length() <= ALWAYS_SHORT_ENOUGH) {
            return;
        }
        int bytes = option.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > StoreSettings.MAX_OPTION_NAME_BYTES) {
            throw new InvalidConfigOptionException(settings.name(), option, "Config store '" + settings.name()
                    + "': option name '" + option.substring(0, 40) + "...' is " + bytes
                    + " bytes long; DynamoDB allows at most " + StoreSettings.MAX_OPTION_NAME_BYTES
                    + " (UTF-8) in a range key: choose a shorter name");
        }
    }

    /** Every value's key is non-empty and none is the store's key or version attribute. */
    Map<String, ?> values(String option, Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        for (String key : values.keySet()) {
            if (key == null || key.isEmpty()) {
                throw new InvalidConfigOptionException(settings.name(), option, "Option '" + option
                        + "' of config store '" + settings.name() + "': a value's key must not be empty");
            }
            if (key.equals(settings.storeKeyAttribute()) || key.equals(settings.optionKeyAttribute())
                    || key.equals(settings.versionAttribute())) {
                throw new InvalidConfigOptionException(settings.name(), option, "Option '" + option
                        + "' of config store '" + settings.name() + "': '" + key + "' is the store's "
                        + (key.equals(settings.versionAttribute()) ? "version" : "key")
                        + " attribute and cannot be a value's key");
            }
        }
        return values;
    }

    /**
     * Marshals before anything is sent, so that a value DynamoDB cannot hold is named with its option.
     *
     * @return the values as DynamoDB gives them back (numbers as {@code Long} or {@code BigDecimal}, ...)
     */
    Map<String, Object> marshals(String option, Map<String, ?> item) {
        try {
            return AttributeValues.fromItem(AttributeValues.toItem(item));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigOptionException(settings.name(), option, "Option '" + option
                    + "' of config store '" + settings.name() + "' cannot be written, nothing was: " + e.getMessage(),
                    e);
        }
    }

    /** An update that sets nothing. */
    InvalidConfigOptionException emptyUpdate(String option) {
        return new InvalidConfigOptionException(settings.name(), option, "Option '" + option + "' of config store '"
                + settings.name()
                + "': update needs at least one value; use set to replace all values, delete to remove the option");
    }
}
