package io.dynamokit.engine.storage.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.storage.Change;
import io.dynamokit.engine.storage.IndexDefinition;
import io.dynamokit.engine.storage.KeySchema;
import io.dynamokit.engine.storage.Projection;
import io.dynamokit.engine.storage.TableMetadata;
import io.dynamokit.engine.storage.Throughput;
import io.dynamokit.engine.storage.Transition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's binary form: every change and metadata field round-trips; torn and damaged records are told apart. */
class JournalFormatTest {

    @TempDir
    Path directory;

    static TableMetadata fullMetadata() {
        Instant created = Instant.parse("2024-05-01T10:15:30.123456789Z");
        KeySchema keys = new KeySchema("pk", "S", "sk", "N");
        IndexDefinition local = new IndexDefinition("byDate", false, new KeySchema("pk", "S", "date", "S"),
                new Projection("INCLUDE", List.of("total", "status")), null, null);
        IndexDefinition global = new IndexDefinition("byCustomer", true, new KeySchema("customer", "B", null, null),
                new Projection("KEYS_ONLY", null),
                new Throughput(5, 7, created, created.plusSeconds(60), 2),
                new Transition("CREATING", created.plusSeconds(5)));
        Map<String, String> definitions = new LinkedHashMap<>();
        definitions.put("pk", "S");
        definitions.put("sk", "N");
        definitions.put("date", "S");
        definitions.put("customer", "B");
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", "orders");
        tags.put("empty", "");
        return new TableMetadata("orders", "0c9a-id", "arn:aws:dynamodb:eu-west-1:000000000000:table/orders", keys,
                definitions, List.of(local), List.of(global), "PROVISIONED", Throughput.of(10, 20),
                new TableMetadata.StreamSpec(true, "NEW_AND_OLD_IMAGES", "2024-05-01T10:15:30.123", "arn:stream"),
                new TableMetadata.SseSpec(true, "KMS", "arn:key"), "STANDARD_INFREQUENT_ACCESS", true, tags, created,
                null, new Transition("UPDATING", created.plusMillis(1500))).withTimeToLive("expiresAt");
    }

    static Map<String, AttributeValue> everyType() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.s("id-\u00e9\u4e2d\ud83d\ude00"));
        item.put("sk", AttributeValue.n("-12.5E+3"));
        item.put("bin", AttributeValue.b(new byte[] {0, -1, 127, -128}));
        item.put("yes", AttributeValue.TRUE);
        item.put("no", AttributeValue.FALSE);
        item.put("nothing", AttributeValue.NULL_VALUE);
        item.put("empty", AttributeValue.s(""));
        item.put("list", new AttributeValue.L(List.of(AttributeValue.s("a"), AttributeValue.n("1"),
                new AttributeValue.L(List.of()))));
        Map<String, AttributeValue> nested = new LinkedHashMap<>();
        nested.put("deep", new AttributeValue.M(Map.of("x", AttributeValue.NULL_VALUE)));
        item.put("map", new AttributeValue.M(nested));
        item.put("strings", new AttributeValue.SS(new LinkedHashSet<>(List.of("b", "a"))));
        item.put("numbers", new AttributeValue.NS(new LinkedHashSet<>(List.of("1", "0.5"))));
        item.put("binaries", new AttributeValue.BS(Set.of(AttributeValue.b(new byte[] {1}))));
        return item;
    }

    @Test
    void everyChangeRoundTrips() {
        List<Change> changes = List.of(new Change.TableCreated(fullMetadata()),
                new Change.TableUpdated(fullMetadata().withTransition(null)),
                new Change.ItemPut("orders", everyType()),
                new Change.ItemDeleted("orders", Map.of("pk", AttributeValue.s("k"), "sk", AttributeValue.n("1"))),
                new Change.TableDeleted("orders"));
        Encoder out = new Encoder(16);
        ChangeCodec.putChanges(out, changes);
        Decoder in = new Decoder(ByteBuffer.wrap(out.array(), 0, out.size()).slice());

        List<Change> read = ChangeCodec.getChanges(in);

        assertThat(read).isEqualTo(changes);
        assertThat(((Change.ItemPut) read.get(2)).item().keySet()).containsExactlyElementsOf(everyType().keySet());
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void theCodecKnowsEveryFieldOfTableMetadata() {
        // a field added to TableMetadata must be added to ChangeCodec (and fullMetadata) too, or restarts lose it
        assertThat(TableMetadata.class.getRecordComponents()).extracting(c -> c.getName()).containsExactly("name",
                "id", "arn", "keySchema", "attributeDefinitions", "localIndexes", "globalIndexes", "billingMode",
                "throughput", "stream", "sse", "tableClass", "deletionProtection", "tags", "createdAt",
                "billingModeChangedAt", "transition", "timeToLiveAttribute");
        assertThat(IndexDefinition.class.getRecordComponents()).hasSize(6);
        assertThat(Throughput.class.getRecordComponents()).hasSize(5);
        assertThat(TableMetadata.StreamSpec.class.getRecordComponents()).hasSize(4);
        assertThat(TableMetadata.SseSpec.class.getRecordComponents()).hasSize(3);
    }

    @Test
    void aRecordCutShortIsATornTailAndAWrongChecksumInTheMiddleIsDamage() throws IOException {
        Encoder out = new Encoder(16);
        for (int i = 0; i < 3; i++) {
            int start = Frames.begin(out);
            out.putString("record " + i);
            Frames.end(out, start);
        }
        int recordBytes = out.size() / 3;
        Path file = directory.resolve("records");
        Files.write(file, java.util.Arrays.copyOf(out.array(), out.size() - 3));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            Frames.Read first = Frames.read(channel, 0, size);
            assertThat(first).isInstanceOf(Frames.Record.class);
            assertThat(new Decoder(((Frames.Record) first).payload()).getString()).isEqualTo("record 0");
            assertThat(Frames.read(channel, 2L * recordBytes, size)).isInstanceOf(Frames.Torn.class);
            assertThat(Frames.read(channel, size - 5, size)).isEqualTo(new Frames.Torn(
                    "a record header of 5 of 8 bytes"));
        }

        byte[] damaged = java.util.Arrays.copyOf(out.array(), out.size());
        damaged[Frames.HEADER + 2] ^= 1;
        Files.write(file, damaged);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThat(Frames.read(channel, 0, channel.size()))
                    .isEqualTo(new Frames.Damaged("a record's checksum does not match"));
        }
    }

    @Test
    void aDamagedCountIsReportedInsteadOfAllocated() {
        Encoder out = new Encoder(16);
        out.putVarLong(Integer.MAX_VALUE);
        Decoder in = new Decoder(ByteBuffer.wrap(out.array(), 0, out.size()).slice());

        assertThatThrownBy(in::getItem).isInstanceOf(DamagedRecordException.class)
                .hasMessage("a count of 2147483647 exceeds the 0 bytes left");
    }
}
