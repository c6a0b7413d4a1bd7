package io.dynamokit.runtime.table;

import java.util.Set;

/**
 * Tables that another capability of the application works on without declaring them (a config store's table, for
 * one): the readiness check reports them next to the declared tables. Each capability with such tables has a bean of
 * this type; the tables never look for the capabilities themselves.
 */
public interface ReportedTables {

    /** The tables' names in DynamoDB. */
    Set<String> tableNames();
}
