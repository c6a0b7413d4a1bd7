/**
 * DynamoDB Streams: {@link io.dynamokit.engine.streams.StreamStore} listens to the storage's commits (after the
 * journal) and keeps, per table stream, the records of its item changes in commit order, with the previous items that
 * {@link io.dynamokit.engine.storage.Change.ItemPut} and {@link io.dynamokit.engine.storage.Change.ItemDeleted} carry;
 * {@link io.dynamokit.engine.streams.ShardIterators} hands out iterators and reads through them. One shard per
 * stream, records in memory for 24 hours. The operations that serve them are in the operations package
 * ({@code ListStreams}, {@code DescribeStream}, {@code GetShardIterator}, {@code GetRecords}).
 */
package io.dynamokit.engine.streams;
