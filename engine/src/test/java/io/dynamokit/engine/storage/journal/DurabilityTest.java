package io.dynamokit.engine.storage.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.DynamoEngine;
import io.dynamokit.engine.EngineOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** What an engine with a data directory acknowledged is there after close() and a start on the same directory. */
class DurabilityTest {

    @TempDir
    Path directory;

    private EngineOptions options() {
        return EngineOptions.defaults().withDataDirectory(directory);
    }

    @Test
    void tablesIndexesMetadataItemsAndDeletesSurviveARestart() {
        Map<String, TableDescription> before = new LinkedHashMap<>();
        List<Map<String, AttributeValue>> orders;
        try (DynamoEngine engine = DynamoEngine.start(options());
                DynamoDbClient dynamo = Clients.to(engine.endpoint())) {
            dynamo.createTable(ordersTable());
            dynamo.createTable(hashTable("plain"));
            dynamo.createTable(hashTable("dropped"));
            for (int i = 0; i < 3; i++) {
                dynamo.putItem(r -> r.tableName("orders").item(order(1, 0)));
            }
            for (int i = 0; i < 10; i++) {
                int n = i;
                dynamo.putItem(r -> r.tableName("orders").item(order(n, n * 3)));
                dynamo.putItem(r -> r.tableName("plain").item(Map.of("pk", s("p" + n), "colour", s(n % 2 == 0
                        ? "red" : "blue"))));
            }
            dynamo.putItem(r -> r.tableName("orders").item(everyType()));
            dynamo.deleteItem(r -> r.tableName("orders").key(Map.of("pk", s("o3"), "sk", n("9"))));
            dynamo.updateItem(r -> r.tableName("orders").key(Map.of("pk", s("o4"), "sk", n("12")))
                    .updateExpression("SET #t = #t + :one REMOVE note").expressionAttributeNames(Map.of("#t", "total"))
                    .expressionAttributeValues(Map.of(":one", n("1"))));
            dynamo.updateTable(r -> r.tableName("plain")
                    .attributeDefinitions(definition("colour", ScalarAttributeType.S))
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byColour")
                            .keySchema(key("colour", KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
            dynamo.updateTable(r -> r.tableName("orders").provisionedThroughput(t -> t.readCapacityUnits(7L)
                    .writeCapacityUnits(9L)));
            dynamo.deleteTable(r -> r.tableName("dropped"));
            dynamo.updateTimeToLive(r -> r.tableName("plain").timeToLiveSpecification(t -> t.enabled(true)
                    .attributeName("expiresAt")));
            for (String table : List.of("orders", "plain")) {
                before.put(table, dynamo.describeTable(r -> r.tableName(table)).table());
            }
            orders = scan(dynamo, "orders");
        }

        try (DynamoEngine engine = DynamoEngine.start(options());
                DynamoDbClient dynamo = Clients.to(engine.endpoint())) {
            assertThat(dynamo.listTables().tableNames()).containsExactly("orders", "plain");
            assertThat(dynamo.describeTimeToLive(r -> r.tableName("plain")).timeToLiveDescription()
                    .attributeName()).isEqualTo("expiresAt");
            for (String table : before.keySet()) {
                assertThat(dynamo.describeTable(r -> r.tableName(table)).table()).isEqualTo(before.get(table));
            }
            TableDescription described = before.get("orders");
            assertThat(described.itemCount()).isEqualTo(11);
            assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(7);
            assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(described.globalSecondaryIndexes()).hasSize(1);
            assertThat(described.localSecondaryIndexes()).hasSize(1);
            assertThat(dynamo.listTagsOfResource(r -> r.resourceArn(described.tableArn())).tags())
                    .containsExactly(Tag.builder().key("team").value("orders").build());
            assertThat(described.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
            assertThat(described.deletionProtectionEnabled()).isTrue();

            assertThat(scan(dynamo, "orders")).isEqualTo(orders);
            assertThat(dynamo.getItem(r -> r.tableName("orders").key(Map.of("pk", s("o3"), "sk", n("9")))).item())
                    .isEmpty();
            assertThat(dynamo.getItem(r -> r.tableName("orders").key(Map.of("pk", s("o4"), "sk", n("12")))).item())
                    .isEqualTo(Map.of("pk", s("o4"), "sk", n("12"), "customer", s("c1"), "total", n("6")));
            assertThat(dynamo.getItem(r -> r.tableName("orders").key(Map.of("pk", s("all"), "sk", n("0")))).item())
                    .isEqualTo(everyType());
            // the indexes are rebuilt from the items: the one added by UpdateTable too
            assertThat(dynamo.query(r -> r.tableName("orders").indexName("byCustomer")
                    .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("c1"))))
                    .count()).isEqualTo(4);
            assertThat(dynamo.query(r -> r.tableName("orders").indexName("byNote")
                    .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("o8"))))
                    .items()).containsExactly(Map.of("pk", s("o8"), "sk", n("24"), "note", s("note 8")));
            assertThat(dynamo.query(r -> r.tableName("plain").indexName("byColour")
                    .keyConditionExpression("colour = :c").expressionAttributeValues(Map.of(":c", s("red"))))
                    .count()).isEqualTo(5);
        }
    }

    @Test
    void statusesAndCreationTimesSurviveARestart() {
        Duration delay = Duration.ofMillis(800);
        EngineOptions slow = options().withTableStatusDelay(delay);
        Instant requested = Instant.now();
        Instant created;
        try (DynamoEngine engine = DynamoEngine.start(slow); DynamoDbClient dynamo = Clients.to(engine.endpoint())) {
            created = dynamo.createTable(hashTable("slow")).tableDescription().creationDateTime();
        }
        try (DynamoEngine engine = DynamoEngine.start(slow); DynamoDbClient dynamo = Clients.to(engine.endpoint())) {
            TableDescription table = dynamo.describeTable(r -> r.tableName("slow")).table();
            if (Instant.now().isBefore(requested.plus(delay))) {
                assertThat(table.tableStatus()).isEqualTo(TableStatus.CREATING);
            }
            assertThat(table.creationDateTime()).isEqualTo(created);
            dynamo.waiter().waitUntilTableExists(r -> r.tableName("slow"), c -> c.waitTimeout(Duration.ofSeconds(10))
                    .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(50))));
            assertThat(dynamo.describeTable(r -> r.tableName("slow")).table().tableStatus())
                    .isEqualTo(TableStatus.ACTIVE);
        }
    }

    @Test
    void aJournalPastItsLimitIsReplacedByASnapshotAndEverythingIsStillThere() throws IOException {
        EngineOptions small = options().withJournalLimit(512);
        List<Map<String, AttributeValue>> items;
        try (DynamoEngine engine = DynamoEngine.start(small); DynamoDbClient dynamo = Clients.to(engine.endpoint())) {
            dynamo.createTable(ordersTable());
            dynamo.createTable(hashTable("other"));
            for (int i = 0; i < 30; i++) {
                int n = i;
                dynamo.putItem(r -> r.tableName("orders").item(order(n, n)));
                if (i % 3 == 0) {
                    dynamo.deleteItem(r -> r.tableName("orders").key(Map.of("pk", s("o" + (n / 2)), "sk",
                            n(Integer.toString(n / 2)))));
                }
            }
            dynamo.putItem(r -> r.tableName("other").item(Map.of("pk", s("last"))));
            items = scan(dynamo, "orders");
        }
        assertThat(files("snapshot-")).hasSize(1);
        long snapshot = generation(files("snapshot-").get(0));
        assertThat(files("journal-")).isNotEmpty().allSatisfy(journal ->
                assertThat(generation(journal)).isGreaterThanOrEqualTo(snapshot));
        assertThat(snapshot).isGreaterThan(2);

        try (DynamoEngine engine = DynamoEngine.start(small); DynamoDbClient dynamo = Clients.to(engine.endpoint())) {
            assertThat(scan(dynamo, "orders")).isEqualTo(items).hasSize(20);
            assertThat(dynamo.getItem(r -> r.tableName("other").key(Map.of("pk", s("last")))).item()).isNotEmpty();
            assertThat(dynamo.query(r -> r.tableName("orders").indexName("byCustomer")
                    .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("c2"))))
                    .count()).isEqualTo((int) items.stream().filter(i -> i.get("customer").s().equals("c2")).count());
        }
    }

    @Test
    void aRecordCutShortAtTheEndIsDroppedAndTheFileRepaired() throws IOException {
        long before;
        try (DynamoEngine engine = DynamoEngine.start(options());
                DynamoDbClient dynamo = Clients.to(engine.endpoint())) {
            dynamo.createTable(hashTable("plain"));
            dynamo.putItem(r -> r.tableName("plain").item(Map.of("pk", s("kept"))));
            before = Files.size(lastJournal());
            dynamo.transactWriteItems(r -> r.transactItems(
                    t -> t.put(p -> p.tableName("plain").item(Map.of("pk", s("torn1"), "v", s("x".repeat(500))))),
                    t -> t.put(p -> p.tableName("plain").item(Map.of("pk", s("torn2"), "v", s("y".repeat(500)))))));
        }
        Path journal = lastJournal();
        long after = Files.size(journal);
        // the process stopped halfway through writing the transaction's record
        try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "rw")) {
            file.setLength(before + (after - before) / 2);
        }

        try (DynamoEngine engine = DynamoEngine.start(options());
                DynamoDbClient dynamo = Clients.to(engine.endpoint())) {
            assertThat(scan(dynamo, "plain")).containsExactly(Map.of("pk", s("kept")));
            assertThat(Files.size(journal)).isEqualTo(before);
            dynamo.putItem(r -> r.tableName("plain").item(Map.of("pk", s("after"))));
        }
        try (DynamoEngine engine = DynamoEngine.start(options());
                DynamoDbClient dynamo = Clients.to(engine.endpoint())) {
            assertThat(scan(dynamo, "plain")).extracting(i -> i.get("pk").s()).containsExactlyInAnyOrder("kept",
                    "after");
        }
    }

    @Test
    void aDamagedRecordInTheMiddleStopsTheStartNamingTheFileAndTheByte() throws IOException {
        try (DynamoEngine engine = DynamoEngine.start(options());
                DynamoDbClient dynamo = Clients.to(engine.endpoint())) {
            dynamo.createTable(hashTable("plain"));
            dynamo.putItem(r -> r.tableName("plain").item(Map.of("pk", s("a"))));
        }
        Path journal = lastJournal();
        try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "rw")) {
            file.seek(DataFiles.HEADER_BYTES + Frames.HEADER + 5);
            int b = file.read();
            file.seek(DataFiles.HEADER_BYTES + Frames.HEADER + 5);
            file.write(b ^ 0x20);
        }

        assertThatThrownBy(() -> DynamoEngine.start(options())).isInstanceOf(DataDirectoryException.class)
                .hasMessage("The journal " + journal + " is damaged at byte 16: a record's checksum does not match. "
                        + "The writes from there on cannot be recovered. To start with those before it, cut the file "
                        + "there (truncate -s 16 " + journal + ") and remove any later journal; or restore the data "
                        + "directory from a backup.");
        // refused starts release the directory
        assertThatThrownBy(() -> DynamoEngine.start(options())).isInstanceOf(DataDirectoryException.class)
                .hasMessageStartingWith("The journal " + journal + " is damaged");
    }

    @Test
    void aDamagedSnapshotStopsTheStartNamingIt() throws IOException {
        try (DynamoEngine engine = DynamoEngine.start(options().withJournalLimit(1));
                DynamoDbClient dynamo = Clients.to(engine.endpoint())) {
            dynamo.createTable(hashTable("plain"));
            dynamo.putItem(r -> r.tableName("plain").item(Map.of("pk", s("a"))));
            dynamo.putItem(r -> r.tableName("plain").item(Map.of("pk", s("b"))));
        }
        Path snapshot = files("snapshot-").get(0);
        try (RandomAccessFile file = new RandomAccessFile(snapshot.toFile(), "rw")) {
            file.setLength(file.length() - 4);
        }

        assertThatThrownBy(() -> DynamoEngine.start(options())).isInstanceOf(DataDirectoryException.class)
                .hasMessage("The snapshot " + snapshot + " is damaged: it ends in the middle of a record (a record of "
                        + "17 bytes with 13 of them written). The tables cannot be restored from it: restore the data "
                        + "directory from a backup, or move it away to start with an empty one.");
    }

    @Test
    void withFsyncWritesSurviveARestartToo() {
        EngineOptions forced = options().withFsync(true);
        try (DynamoEngine engine = DynamoEngine.start(forced);
                DynamoDbClient dynamo = Clients.to(engine.endpoint())) {
            dynamo.createTable(hashTable("forced"));
            dynamo.putItem(r -> r.tableName("forced").item(Map.of("pk", s("a"))));
        }
        try (DynamoEngine engine = DynamoEngine.start(forced);
                DynamoDbClient dynamo = Clients.to(engine.endpoint())) {
            assertThat(scan(dynamo, "forced")).containsExactly(Map.of("pk", s("a")));
        }
    }

    @Test
    void aSecondEngineOnTheDirectoryIsRefusedUntilTheFirstIsClosed() {
        try (DynamoEngine first = DynamoEngine.start(options())) {
            assertThatThrownBy(() -> DynamoEngine.start(options())).isInstanceOf(DataDirectoryException.class)
                    .hasMessage("The data directory " + directory + " is already in use by another DynamoKit Engine "
                            + "in this process, which holds the lock on " + directory.resolve("engine.lock") + ". Stop "
                            + "that engine first, or give this one another data directory.");
            assertThat(first.port()).isPositive();
        }
        try (DynamoEngine second = DynamoEngine.start(options())) {
            assertThat(second.port()).isPositive();
        }
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsNamed() throws IOException {
        Path file = Files.writeString(directory.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> DynamoEngine.start(EngineOptions.defaults().withDataDirectory(file)))
                .isInstanceOf(DataDirectoryException.class)
                .hasMessageStartingWith("Cannot create the data directory " + file + ": ")
                .hasMessageEndingWith("(it is a file, not a directory). Give the engine a directory it can create "
                        + "and write to.");
    }

    // ---- helpers ----

    private List<Path> files(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    private Path lastJournal() throws IOException {
        List<Path> journals = files("journal-");
        return journals.get(journals.size() - 1);
    }

    private static long generation(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(name.indexOf('-') + 1, name.indexOf('.')));
    }

    static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamo, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(table)).items().forEach(items::add);
        items.sort(Comparator.comparing(Object::toString));
        return items;
    }

    static CreateTableRequest hashTable(String name) {
        return CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST).build();
    }

    private static CreateTableRequest ordersTable() {
        return CreateTableRequest.builder().tableName("orders")
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.N),
                        definition("customer", ScalarAttributeType.S), definition("note", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byNote")
                        .keySchema(key("pk", KeyType.HASH), key("note", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byCustomer")
                        .keySchema(key("customer", KeyType.HASH), key("sk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("total").build())
                        .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(2L)
                                .writeCapacityUnits(3L).build()).build())
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L)
                        .build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))
                .deletionProtectionEnabled(true)
                .tags(Tag.builder().key("team").value("orders").build())
                .build();
    }

    private static Map<String, AttributeValue> order(int n, int sk) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s("o" + n));
        item.put("sk", n(Integer.toString(sk)));
        item.put("customer", s("c" + (n % 3)));
        item.put("total", n(Integer.toString(n + 1)));
        if (n % 2 == 0) {
            item.put("note", s("note " + n));
        }
        return item;
    }

    static Map<String, AttributeValue> everyType() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s("all"));
        item.put("sk", n("0"));
        item.put("text", s("\u00e9t\u00e9 \ud83d\ude00"));
        item.put("number", n("-12.25"));
        item.put("binary", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 2})));
        item.put("flag", AttributeValue.fromBool(true));
        item.put("nothing", AttributeValue.fromNul(true));
        item.put("list", AttributeValue.fromL(List.of(s("a"), n("2"), AttributeValue.fromL(List.of()))));
        item.put("map", AttributeValue.fromM(Map.of("inner", AttributeValue.fromM(Map.of("x", n("1"))))));
        item.put("strings", AttributeValue.fromSs(List.of("x", "y")));
        item.put("numbers", AttributeValue.fromNs(List.of("1", "2.5")));
        item.put("binaries", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {9}))));
        return item;
    }

    static AttributeDefinition definition(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
