package io.dynamokit.configstore;

/** The store has no such option. The exception mappers answer it with 404. */
public class OptionNotFoundException extends ConfigStoreException {

    private static final long serialVersionUID = 1L;

    private final String option;

    public OptionNotFoundException(String store, String tableName, String option) {
        super(store, "Config store '" + store + "' (table '" + tableName + "') has no option '" + option + "'");
        this.option = option;
    }

    public String option() {
        return option;
    }
}
