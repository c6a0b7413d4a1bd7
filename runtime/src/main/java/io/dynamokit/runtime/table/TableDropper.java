package io.dynamokit.runtime.table;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.dynamokit.table.TableManagementException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Deletes declared tables, never one with deletion protection: DynamoKit does not turn protection off to delete.
 */
final class TableDropper {

    private static final Logger LOG = Logger.getLogger(TableDropper.class);

    private final DynamoDbClient client;
    private final TableReader reader;
    private final TableWaiter waiter;
    private final Duration timeout;

    TableDropper(DynamoDbClient client, TableReader reader, TableWaiter waiter, Duration timeout) {
        this.client = client;
        this.reader = reader;
        this.waiter = waiter;
        this.timeout = timeout;
    }

    /** Deletes the table and waits until it is gone; nothing when it is missing. */
    void drop(TableDefinition definition) {
        String name = definition.tableName();
        TableDescription table = reader.describe(name);
        if (table == null) {
            return;
        }
        if (Boolean.TRUE.equals(table.deletionProtectionEnabled())) {
            throw new TableManagementException("Table " + name + " has deletion protection enabled, and DynamoKit "
                    + "does not turn it off to delete a table: set " + TableDeclarations.PREFIX + "\""
                    + definition.declaredName() + "\".deletion-protection=false and apply it first");
        }
        try {
            client.deleteTable(DeleteTableRequest.builder().tableName(name).build());
            LOG.infof("Deleting table %s", name);
        } catch (ResourceNotFoundException alreadyGone) {
            return;
        } catch (ResourceInUseException beingDeleted) {
            LOG.debugf("Table %s is being changed or deleted elsewhere", name);
        }
        waiter.awaitDeleted(name, timeout);
    }
}
