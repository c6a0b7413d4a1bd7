package io.dynamokit.engine.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.support.EngineTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** DynamoDB Streams over the SDK's DynamoDbStreamsClient, pointed at the engine's one endpoint. */
class StreamsTest extends EngineTestBase {
    private DynamoDbStreamsClient streams;

    @BeforeAll
    void startStreamsClient() {
        streams = DynamoDbStreamsClient.builder()
                .endpointOverride(engine.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    @AfterAll
    void stopStreamsClient() {
        streams.close();
    }

    @Test
    void eachViewTypeRecordsInsertModifyRemoveWithItsImages() {
        for (StreamViewType view : List.of(StreamViewType.KEYS_ONLY, StreamViewType.NEW_IMAGE,
                StreamViewType.OLD_IMAGE, StreamViewType.NEW_AND_OLD_IMAGES)) {
            String table = "view_" + view;
            String arn = createStreamTable(table, view);
            dynamo.putItem(p -> p.tableName(table).item(item("pk", s("a"), "v", n("1"))));
            dynamo.putItem(p -> p.tableName(table).item(item("pk", s("a"), "v", n("1"))));
            dynamo.updateItem(u -> u.tableName(table).key(item("pk", s("a"))).updateExpression("SET v = :v")
                    .expressionAttributeValues(Map.of(":v", n("1"))));
            dynamo.updateItem(u -> u.tableName(table).key(item("pk", s("a"))).updateExpression("SET v = :v")
                    .expressionAttributeValues(Map.of(":v", n("2"))));
            dynamo.deleteItem(d -> d.tableName(table).key(item("pk", s("a"))));
            dynamo.deleteItem(d -> d.tableName(table).key(item("pk", s("a"))));

            List<Record> records = readAll(arn, ShardIteratorType.TRIM_HORIZON, null);

            assertThat(records).extracting(Record::eventNameAsString).containsExactly("INSERT", "MODIFY", "REMOVE");
            Map<String, AttributeValue> v1 = item("pk", s("a"), "v", n("1"));
            Map<String, AttributeValue> v2 = item("pk", s("a"), "v", n("2"));
            boolean news = view == StreamViewType.NEW_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
            boolean olds = view == StreamViewType.OLD_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
            List<Map<String, AttributeValue>> expectedNew = news ? List.of(v1, v2, Map.of()) : List.of(Map.of(),
                    Map.of(), Map.of());
            List<Map<String, AttributeValue>> expectedOld = olds ? List.of(Map.of(), v1, v2) : List.of(Map.of(),
                    Map.of(), Map.of());
            for (int i = 0; i < records.size(); i++) {
                Record record = records.get(i);
                assertThat(record.eventSource()).isEqualTo("aws:dynamodb");
                assertThat(record.eventVersion()).isEqualTo("1.1");
                assertThat(record.awsRegion()).isEqualTo("eu-west-1");
                assertThat(record.eventID()).matches("[0-9a-f]{32}");
                assertThat(record.userIdentity()).isNull();
                assertThat(record.dynamodb().keys()).isEqualTo(item("pk", s("a")));
                assertThat(record.dynamodb().newImage()).as(view + " new image " + i).isEqualTo(expectedNew.get(i));
                assertThat(record.dynamodb().oldImage()).as(view + " old image " + i).isEqualTo(expectedOld.get(i));
                assertThat(record.dynamodb().streamViewType()).isEqualTo(view);
                assertThat(record.dynamodb().sequenceNumber()).matches("[0-9]{21,}");
                assertThat(record.dynamodb().approximateCreationDateTime())
                        .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
            }
            // keys: "pk" + "a" = 3 bytes; the item adds "v" (1) and a one-digit number (2)
            long keys = 3;
            long item = 6;
            assertThat(records.get(1).dynamodb().sizeBytes())
                    .isEqualTo(keys + (news ? item : 0) + (olds ? item : 0));
            assertThat(records).extracting(r -> r.dynamodb().sequenceNumber())
                    .isSortedAccordingTo((a, b) -> new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b)));
        }
    }

    @Test
    void iteratorTypesStartWhereTheySay() {
        String arn = createStreamTable("iterators", StreamViewType.NEW_IMAGE);
        for (int i = 1; i <= 5; i++) {
            put("iterators", "k" + i);
        }
        List<Record> all = readAll(arn, ShardIteratorType.TRIM_HORIZON, null);
        assertThat(all).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("k1", "k2", "k3", "k4",
                "k5");
        String third = all.get(2).dynamodb().sequenceNumber();

        assertThat(readAll(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, third))
                .extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("k3", "k4", "k5");
        assertThat(readAll(arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, third))
                .extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("k4", "k5");

        String latest = iterator(arn, ShardIteratorType.LATEST, null);
        GetRecordsResponse empty = streams.getRecords(g -> g.shardIterator(latest));
        assertThat(empty.records()).isEmpty();
        put("iterators", "k6");
        GetRecordsResponse next = streams.getRecords(g -> g.shardIterator(empty.nextShardIterator()));
        assertThat(next.records()).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("k6");
        assertThat(streams.getRecords(g -> g.shardIterator(latest)).records())
                .extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("k6");

        // Limit pages through the shard, each NextShardIterator going on after the last record it gave
        String iterator = iterator(arn, ShardIteratorType.TRIM_HORIZON, null);
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            String from = iterator;
            GetRecordsResponse answer = streams.getRecords(g -> g.shardIterator(from).limit(2));
            assertThat(answer.records()).hasSize(2);
            answer.records().forEach(r -> paged.add(r.dynamodb().keys().get("pk").s()));
            iterator = answer.nextShardIterator();
        }
        assertThat(paged).containsExactly("k1", "k2", "k3", "k4", "k5", "k6");
    }

    @Test
    void describeListAndTheLifeOfAStream() {
        String arn = createStreamTable("life", StreamViewType.KEYS_ONLY);
        put("life", "x");
        StreamDescription description = streams.describeStream(d -> d.streamArn(arn)).streamDescription();
        assertThat(description.streamArn()).isEqualTo(arn);
        assertThat(arn).startsWith("arn:aws:dynamodb:eu-west-1:000000000000:table/life/stream/");
        assertThat(description.streamLabel()).isEqualTo(arn.substring(arn.lastIndexOf('/') + 1));
        assertThat(description.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(description.streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
        assertThat(description.tableName()).isEqualTo("life");
        assertThat(description.keySchema()).singleElement()
                .satisfies(k -> assertThat(k.attributeName()).isEqualTo("pk"))
                .satisfies(k -> assertThat(k.keyType()).isEqualTo(KeyType.HASH));
        assertThat(description.shards()).singleElement().satisfies(shard -> {
            assertThat(shard.shardId()).matches("shardId-[0-9]{20}-[0-9a-f]{8}");
            assertThat(shard.sequenceNumberRange().startingSequenceNumber()).matches("[0-9]{21}");
            assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNull();
        });
        assertThat(streams.listStreams(l -> l.tableName("life")).streams()).singleElement()
                .satisfies(s -> assertThat(s.streamArn()).isEqualTo(arn))
                .satisfies(s -> assertThat(s.streamLabel()).isEqualTo(description.streamLabel()));

        // switched off: the stream is DISABLED, its shard closed after its last record
        dynamo.updateTable(u -> u.tableName("life").streamSpecification(s -> s.streamEnabled(false)));
        StreamDescription disabled = streams.describeStream(d -> d.streamArn(arn)).streamDescription();
        assertThat(disabled.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        String last = readAll(arn, ShardIteratorType.TRIM_HORIZON, null).get(0).dynamodb().sequenceNumber();
        assertThat(disabled.shards().get(0).sequenceNumberRange().endingSequenceNumber()).isEqualTo(last);
        put("life", "not recorded");
        GetRecordsResponse closed = streams.getRecords(g -> g.shardIterator(iterator(arn,
                ShardIteratorType.TRIM_HORIZON, null)));
        assertThat(closed.records()).hasSize(1);
        assertThat(closed.nextShardIterator()).isNull();

        // and on again: a new stream with its own ARN and label; both are listed
        TableDescription table = dynamo.updateTable(u -> u.tableName("life").streamSpecification(s -> s
                .streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))).tableDescription();
        String second = table.latestStreamArn();
        assertThat(second).isNotEqualTo(arn);
        assertThat(streams.listStreams(l -> l.tableName("life")).streams())
                .extracting(s -> s.streamArn()).containsExactly(arn, second);
        put("life", "y");
        assertThat(readAll(second, ShardIteratorType.TRIM_HORIZON, null))
                .extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("y");

        // the table deleted: its stream is DISABLED and still readable
        dynamo.deleteTable(d -> d.tableName("life"));
        assertThat(streams.describeStream(d -> d.streamArn(second)).streamDescription().streamStatus())
                .isEqualTo(StreamStatus.DISABLED);
        assertThat(readAll(second, ShardIteratorType.TRIM_HORIZON, null)).hasSize(1);
    }

    @Test
    void listStreamsPagesInArnOrder() {
        List<String> arns = new ArrayList<>();
        for (String name : List.of("page_a", "page_b", "page_c")) {
            arns.add(createStreamTable(name, StreamViewType.KEYS_ONLY));
        }
        List<String> listed = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            ListStreamsResponse page = streams.listStreams(l -> l.limit(1).exclusiveStartStreamArn(from));
            page.streams().forEach(s -> {
                if (s.tableName().startsWith("page_")) {
                    listed.add(s.streamArn());
                }
            });
            start = page.lastEvaluatedStreamArn();
        } while (start != null);
        assertThat(listed).containsExactlyElementsOf(arns);
    }

    @Test
    void concurrentWritersSeeTheirItemsRecordsInAcknowledgedOrder() throws Exception {
        String arn = createStreamTable("concurrent", StreamViewType.NEW_AND_OLD_IMAGES);
        int writers = 8;
        int writes = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String key = "writer" + w;
                done.add(pool.submit(() -> {
                    for (int i = 1; i <= writes; i++) {
                        String value = Integer.toString(i);
                        dynamo.putItem(p -> p.tableName("concurrent").item(item("pk", s(key), "v", n(value))));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        Map<String, List<Integer>> perItem = new HashMap<>();
        for (Record record : readAll(arn, ShardIteratorType.TRIM_HORIZON, null)) {
            String key = record.dynamodb().keys().get("pk").s();
            List<Integer> values = perItem.computeIfAbsent(key, k -> new ArrayList<>());
            int value = Integer.parseInt(record.dynamodb().newImage().get("v").n());
            if (values.isEmpty()) {
                assertThat(record.eventNameAsString()).isEqualTo("INSERT");
            } else {
                assertThat(record.eventNameAsString()).isEqualTo("MODIFY");
                assertThat(record.dynamodb().oldImage().get("v").n())
                        .isEqualTo(Integer.toString(values.get(values.size() - 1)));
            }
            values.add(value);
        }
        assertThat(perItem).hasSize(writers);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= writes; i++) {
            expected.add(i);
        }
        perItem.values().forEach(values -> assertThat(values).containsExactlyElementsOf(expected));
    }

    @Test
    void timeToLiveRemovalIsTheServicesDeletion() {
        String arn = createStreamTable("expiring", StreamViewType.OLD_IMAGE);
        dynamo.updateTimeToLive(u -> u.tableName("expiring").timeToLiveSpecification(t -> t.enabled(true)
                .attributeName("expires")));
        String past = Long.toString(Instant.now().getEpochSecond() - 60);
        dynamo.putItem(p -> p.tableName("expiring").item(item("pk", s("old"), "expires", n(past))));
        dynamo.putItem(p -> p.tableName("expiring").item(item("pk", s("mine"))));
        dynamo.deleteItem(d -> d.tableName("expiring").key(item("pk", s("mine"))));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<Record> records = readAll(arn, ShardIteratorType.TRIM_HORIZON, null);
        while (records.size() < 4) {
            assertThat(Instant.now()).as("the expired item's REMOVE record within 20 s").isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            records = readAll(arn, ShardIteratorType.TRIM_HORIZON, null);
        }
        assertThat(records).extracting(Record::eventNameAsString)
                .containsExactly("INSERT", "INSERT", "REMOVE", "REMOVE");
        Record userRemove = records.get(2);
        assertThat(userRemove.dynamodb().keys()).isEqualTo(item("pk", s("mine")));
        assertThat(userRemove.userIdentity()).isNull();
        Record expiry = records.get(3);
        assertThat(expiry.dynamodb().keys()).isEqualTo(item("pk", s("old")));
        assertThat(expiry.dynamodb().oldImage()).isEqualTo(item("pk", s("old"), "expires", n(past)));
        assertThat(expiry.userIdentity().type()).isEqualTo("Service");
        assertThat(expiry.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
    }

    @Test
    void refusalsWithDynamoDbsWords() {
        String arn = createStreamTable("refusals", StreamViewType.KEYS_ONLY);
        String shard = streams.describeStream(d -> d.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String unknown = "arn:aws:dynamodb:eu-west-1:000000000000:table/nothing/stream/2024-01-01T00:00:00.000";

        assertError(() -> streams.describeStream(d -> d.streamArn(unknown)), ResourceNotFoundException.class,
                "Requested resource not found: Stream: " + unknown + " not found");
        assertError(() -> streams.getShardIterator(g -> g.streamArn(unknown).shardId(shard)
                .shardIteratorType(ShardIteratorType.LATEST)), ResourceNotFoundException.class,
                "Requested resource not found: Stream: " + unknown + " not found");
        assertError(() -> streams.getShardIterator(g -> g.streamArn(arn).shardId("shardId-00000000000000000000-0000")
                .shardIteratorType(ShardIteratorType.LATEST)), ResourceNotFoundException.class,
                "Requested resource not found: Shard does not exist");
        assertError(() -> streams.getShardIterator(g -> g.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)), DynamoDbException.class,
                "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and SequenceNumber or "
                        + "(2) TRIM_HORIZON or LATEST and no SequenceNumber. Request specified AT_SEQUENCE_NUMBER "
                        + "and no SequenceNumber.");
        assertError(() -> streams.getShardIterator(g -> g.streamArn(arn).shardId(shard)
                .shardIteratorType("FIRST")), DynamoDbException.class,
                "1 validation error detected: Value 'FIRST' at 'shardIteratorType' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, "
                        + "AFTER_SEQUENCE_NUMBER]");
        String iterator = iterator(arn, ShardIteratorType.TRIM_HORIZON, null);
        assertError(() -> streams.getRecords(g -> g.shardIterator(iterator).limit(0)), DynamoDbException.class,
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertError(() -> streams.getRecords(g -> g.shardIterator(iterator).limit(1001)), DynamoDbException.class,
                "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 1000");
        assertError(() -> streams.getRecords(g -> g.shardIterator("not an iterator")), DynamoDbException.class,
                "Invalid ShardIterator");
        assertError(() -> streams.describeStream(d -> d.streamArn("short")), DynamoDbException.class,
                "1 validation error detected: Value 'short' at 'streamArn' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 37");
        assertError(() -> streams.listStreams(l -> l.tableName("absent_table")), ResourceNotFoundException.class,
                "Requested resource not found: Table: absent_table not found");
        assertThat(post("DynamoDBStreams_20120810.DescribeTable", "{}", SIGNED).body())
                .contains("UnknownOperationException");
    }

    private void assertError(Runnable call, Class<? extends DynamoDbException> type, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(type,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message));
    }

    private String createStreamTable(String name, StreamViewType view) {
        return dynamo.createTable(CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .billingMode("PAY_PER_REQUEST")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(view)).build())
                .tableDescription().latestStreamArn();
    }

    private void put(String table, String key) {
        dynamo.putItem(p -> p.tableName(table).item(item("pk", s(key))));
    }

    private String iterator(String arn, ShardIteratorType type, String sequenceNumber) {
        String shard = streams.describeStream(d -> d.streamArn(arn)).streamDescription().shards().get(0).shardId();
        return streams.getShardIterator(g -> g.streamArn(arn).shardId(shard).shardIteratorType(type)
                .sequenceNumber(sequenceNumber)).shardIterator();
    }

    /** Every record from the iterator on, until a read returns nothing more. */
    private List<Record> readAll(String arn, ShardIteratorType type, String sequenceNumber) {
        List<Record> records = new ArrayList<>();
        String iterator = iterator(arn, type, sequenceNumber);
        while (iterator != null) {
            String from = iterator;
            GetRecordsResponse answer = streams.getRecords(g -> g.shardIterator(from));
            records.addAll(answer.records());
            iterator = answer.records().isEmpty() ? null : answer.nextShardIterator();
        }
        return records;
    }
}
