/**
 * Durability for a data directory: {@link io.dynamokit.engine.storage.journal.Journal} is the storage's
 * {@link io.dynamokit.engine.storage.CommitListener}. Each committed write becomes one journal record (a transaction
 * or batch is one write, so it is recovered whole or not at all), appended under the storage write lock and handed to
 * the OS before the write is applied and answered; with fsync it is also forced to the disk.
 * <p>
 * Files ({@code DataFiles}): {@code journal-<g>.log} holds the writes made after snapshot {@code <g>} (or from the
 * start for {@code g = 1}); {@code snapshot-<g>.snap} every table and item before them; {@code engine.lock} the OS lock
 * that keeps a second engine out. Both data files start with magic, format version and generation, then records
 * {@code [length][CRC32][payload]} ({@code Frames}) in a compact binary encoding ({@code Encoder}, {@code Decoder},
 * {@code ChangeCodec}).
 * <p>
 * Recovery ({@code Recovery}): the latest snapshot, then every journal from its generation on, in order. A record cut
 * short at the end of the last journal was never acknowledged and is cut off; any other unreadable byte stops the start
 * with a {@link io.dynamokit.engine.storage.journal.DataDirectoryException} naming the file, the offset and what to do.
 * <p>
 * Compaction: past the size limit, the next write captures the tables (references to immutable items, under the write
 * lock it already holds), starts journal {@code g + 1} and lets a background thread write snapshot {@code g + 1}
 * (temporary file, forced, atomically renamed); only then are the older journal and snapshot removed, so a crash at
 * any point leaves a directory that recovers to the same state.
 */
package io.dynamokit.engine.storage.journal;
