package io.dynamokit.engine.storage.journal;

import io.dynamokit.engine.storage.Change;
import io.dynamokit.engine.storage.IndexDefinition;
import io.dynamokit.engine.storage.KeySchema;
import io.dynamokit.engine.storage.Projection;
import io.dynamokit.engine.storage.TableMetadata;
import io.dynamokit.engine.storage.Throughput;
import io.dynamokit.engine.storage.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The binary form of committed changes and of table metadata, field by field in declaration order. A new field of
 * {@link TableMetadata} needs a new format version (see {@link Files#FORMAT}) so that older directories still load.
 */
final class ChangeCodec {
    private static final int TABLE_CREATED = 1;
    private static final int TABLE_UPDATED = 2;
    private static final int TABLE_DELETED = 3;
    private static final int ITEM_PUT = 4;
    private static final int ITEM_DELETED = 5;

    private ChangeCodec() {
    }

    static void putChanges(Encoder out, List<Change> changes) {
        out.putCount(changes.size());
        for (Change change : changes) {
            if (change instanceof Change.TableCreated created) {
                out.putByte(TABLE_CREATED);
                putMetadata(out, created.metadata());
            } else if (change instanceof Change.TableUpdated updated) {
                out.putByte(TABLE_UPDATED);
                putMetadata(out, updated.metadata());
            } else if (change instanceof Change.TableDeleted deleted) {
                out.putByte(TABLE_DELETED);
                out.putString(deleted.table());
            } else if (change instanceof Change.ItemPut put) {
                out.putByte(ITEM_PUT);
                out.putString(put.table());
                out.putItem(put.item());
            } else if (change instanceof Change.ItemDeleted deleted) {
                out.putByte(ITEM_DELETED);
                out.putString(deleted.table());
                out.putItem(deleted.key());
            } else {
                throw new IllegalArgumentException("unknown change " + change);
            }
        }
    }

    static List<Change> getChanges(Decoder in) {
        int count = in.getCount();
        List<Change> changes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int tag = in.getByte();
            changes.add(switch (tag) {
                case TABLE_CREATED -> new Change.TableCreated(getMetadata(in));
                case TABLE_UPDATED -> new Change.TableUpdated(getMetadata(in));
                case TABLE_DELETED -> new Change.TableDeleted(name(in));
                case ITEM_PUT -> new Change.ItemPut(name(in), in.getItem());
                case ITEM_DELETED -> new Change.ItemDeleted(name(in), in.getItem());
                default -> throw new DamagedRecordException("unknown change type " + tag);
            });
        }
        return changes;
    }

    private static String name(Decoder in) {
        String name = in.getString();
        if (name == null) {
            throw new DamagedRecordException("a change without a table name");
        }
        return name;
    }

    static void putMetadata(Encoder out, TableMetadata m) {
        out.putString(m.name());
        out.putString(m.id());
        out.putString(m.arn());
        putKeySchema(out, m.keySchema());
        out.putStringMap(m.attributeDefinitions());
        putIndexes(out, m.localIndexes());
        putIndexes(out, m.globalIndexes());
        out.putString(m.billingMode());
        putThroughput(out, m.throughput());
        out.putBoolean(m.stream() != null);
        if (m.stream() != null) {
            out.putBoolean(m.stream().enabled());
            out.putString(m.stream().viewType());
            out.putString(m.stream().label());
            out.putString(m.stream().arn());
        }
        out.putBoolean(m.sse() != null);
        if (m.sse() != null) {
            out.putBoolean(m.sse().enabled());
            out.putString(m.sse().type());
            out.putString(m.sse().kmsKeyArn());
        }
        out.putString(m.tableClass());
        out.putBoolean(m.deletionProtection());
        out.putStringMap(m.tags());
        out.putInstant(m.createdAt());
        out.putInstant(m.billingModeChangedAt());
        putTransition(out, m.transition());
        out.putString(m.timeToLiveAttribute());
    }

    static TableMetadata getMetadata(Decoder in) {
        String name = in.getString();
        String id = in.getString();
        String arn = in.getString();
        KeySchema keySchema = getKeySchema(in);
        Map<String, String> definitions = in.getStringMap();
        List<IndexDefinition> local = getIndexes(in);
        List<IndexDefinition> global = getIndexes(in);
        String billingMode = in.getString();
        Throughput throughput = getThroughput(in);
        TableMetadata.StreamSpec stream = in.getBoolean()
                ? new TableMetadata.StreamSpec(in.getBoolean(), in.getString(), in.getString(), in.getString())
                : null;
        TableMetadata.SseSpec sse = in.getBoolean()
                ? new TableMetadata.SseSpec(in.getBoolean(), in.getString(), in.getString())
                : null;
        String tableClass = in.getString();
        boolean deletionProtection = in.getBoolean();
        Map<String, String> tags = in.getStringMap();
        Instant createdAt = in.getInstant();
        Instant billingModeChangedAt = in.getInstant();
        Transition transition = getTransition(in);
        String timeToLiveAttribute = in.getString();
        if (name == null || keySchema == null) {
            throw new DamagedRecordException("a table without a name or key");
        }
        return new TableMetadata(name, id, arn, keySchema, definitions, local, global, billingMode, throughput, stream,
                sse, tableClass, deletionProtection, tags, createdAt, billingModeChangedAt, transition,
                timeToLiveAttribute);
    }

    private static void putKeySchema(Encoder out, KeySchema key) {
        out.putBoolean(key != null);
        if (key != null) {
            out.putString(key.hashName());
            out.putString(key.hashType());
            out.putString(key.rangeName());
            out.putString(key.rangeType());
        }
    }

    private static KeySchema getKeySchema(Decoder in) {
        return in.getBoolean() ? new KeySchema(in.getString(), in.getString(), in.getString(), in.getString()) : null;
    }

    private static void putIndexes(Encoder out, List<IndexDefinition> indexes) {
        out.putCount(indexes.size());
        for (IndexDefinition index : indexes) {
            out.putString(index.name());
            out.putBoolean(index.global());
            putKeySchema(out, index.keySchema());
            out.putBoolean(index.projection() != null);
            if (index.projection() != null) {
                out.putString(index.projection().type());
                out.putStrings(index.projection().nonKeyAttributes());
            }
            putThroughput(out, index.throughput());
            putTransition(out, index.transition());
        }
    }

    private static List<IndexDefinition> getIndexes(Decoder in) {
        int count = in.getCount();
        List<IndexDefinition> indexes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = in.getString();
            boolean global = in.getBoolean();
            KeySchema keySchema = getKeySchema(in);
            Projection projection = in.getBoolean() ? new Projection(in.getString(), in.getStrings()) : null;
            indexes.add(new IndexDefinition(name, global, keySchema, projection, getThroughput(in),
                    getTransition(in)));
        }
        return indexes;
    }

    private static void putThroughput(Encoder out, Throughput throughput) {
        out.putBoolean(throughput != null);
        if (throughput != null) {
            out.putVarLong(throughput.readCapacityUnits());
            out.putVarLong(throughput.writeCapacityUnits());
            out.putInstant(throughput.lastIncrease());
            out.putInstant(throughput.lastDecrease());
            out.putVarLong(throughput.decreasesToday());
        }
    }

    private static Throughput getThroughput(Decoder in) {
        if (!in.getBoolean()) {
            return null;
        }
        return new Throughput(in.getVarLong(), in.getVarLong(), in.getInstant(), in.getInstant(), in.getVarLong());
    }

    private static void putTransition(Encoder out, Transition transition) {
        out.putBoolean(transition != null);
        if (transition != null) {
            out.putString(transition.status());
            out.putInstant(transition.until());
        }
    }

    private static Transition getTransition(Decoder in) {
        return in.getBoolean() ? new Transition(in.getString(), in.getInstant()) : null;
    }
}
