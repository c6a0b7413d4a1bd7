/**
 * Tables, items, indexes and the engine's lock.
 * <p>
 * {@link io.dynamokit.engine.storage.Storage} holds the tables. Reads run in {@code storage.read(() -> ...)}
 * (read lock), writes in {@code storage.write(mutation -> ...)} (write lock): the writer reads the current state,
 * validates everything, then records its changes in the {@link io.dynamokit.engine.storage.Mutation}
 * ({@code put}, {@code delete}, {@code createTable}, {@code updateTable}, {@code deleteTable}); they are applied
 * together when the writer returns, and not at all if it throws. A transaction is one such write.
 * <p>
 * Durability hook: {@link io.dynamokit.engine.storage.Storage#addCommitListener} registers a
 * {@link io.dynamokit.engine.storage.CommitListener}, called under the write lock with each committed mutation's
 * {@link io.dynamokit.engine.storage.Change}s (TableCreated, TableUpdated, TableDeleted, ItemPut with the whole new
 * item, ItemDeleted with the key; both with the item they replace or remove, for the streams, and a deletion by time
 * to live marked as expired) in commit order, before they are applied and before the answer is sent. A journal
 * appends (and forces) them there; recovery feeds them back through
 * {@link io.dynamokit.engine.storage.Storage#replay}.
 * <p>
 * Order: a table's items live in one ordered map by {@link io.dynamokit.engine.storage.ItemKey} (partition token,
 * partition key, sort key in DynamoDB's key order), each index in one by
 * {@link io.dynamokit.engine.storage.IndexKey} (index key, then table key). Query is a sub-map
 * ({@link io.dynamokit.engine.storage.Table#partition}), Scan an iteration from an exclusive start key,
 * a parallel scan segment a token range ({@link io.dynamokit.engine.storage.Table#segment}).
 */
package io.dynamokit.engine.storage;
