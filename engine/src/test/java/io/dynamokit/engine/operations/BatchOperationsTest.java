package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynamokit.engine.support.EngineTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class BatchOperationsTest extends EngineTestBase {

    @BeforeAll
    void tables() {
        createHashTable("batch_hash", ScalarAttributeType.S);
        createHashTable("batch_binary", ScalarAttributeType.B);
        createCompositeTable("batch_sorted", ScalarAttributeType.N);
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
    }

    private static KeysAndAttributes keys(List<Map<String, AttributeValue>> keys) {
        return KeysAndAttributes.builder().keys(keys).consistentRead(true).build();
    }

    @Test
    void writesAndReadsOverTwoTables() {
        BatchWriteItemResponse written = dynamo.batchWriteItem(r -> r.requestItems(Map.of(
                "batch_hash", List.of(put(item("pk", s("w1"), "v", n("1"))), put(item("pk", s("w2"), "v", n("2")))),
                "batch_sorted", List.of(put(item("pk", s("w"), "sk", n("1"), "v", s("x"))))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(written.unprocessedItems()).isEmpty();
        assertThat(written.consumedCapacity()).extracting(c -> c.tableName() + "=" + c.capacityUnits())
                .containsExactlyInAnyOrder("batch_hash=2.0", "batch_sorted=1.0");

        BatchGetItemResponse read = dynamo.batchGetItem(r -> r.requestItems(Map.of(
                "batch_hash", KeysAndAttributes.builder().keys(item("pk", s("w1")), item("pk", s("w2")),
                        item("pk", s("absent"))).projectionExpression("#v").expressionAttributeNames(Map.of("#v", "v"))
                        .build(),
                "batch_sorted", keys(List.of(item("pk", s("w"), "sk", n("2"))))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(read.responses().get("batch_hash")).containsExactlyInAnyOrder(item("v", n("1")), item("v", n("2")));
        assertThat(read.responses().get("batch_sorted")).isEmpty();
        assertThat(read.unprocessedKeys()).isEmpty();
        assertThat(read.consumedCapacity()).extracting(c -> c.tableName() + "=" + c.capacityUnits())
                .containsExactlyInAnyOrder("batch_hash=1.5", "batch_sorted=1.0");

        dynamo.batchWriteItem(r -> r.requestItems(Map.of("batch_hash", List.of(delete(item("pk", s("w1"))),
                put(item("pk", s("w3")))))));
        assertThat(dynamo.getItem(r -> r.tableName("batch_hash").key(item("pk", s("w1")))).hasItem()).isFalse();
        assertThat(dynamo.getItem(r -> r.tableName("batch_hash").key(item("pk", s("w3")))).hasItem()).isTrue();
    }

    @Test
    void answersUpTo16MegabytesAndLeavesTheRestUnprocessed() {
        String payload = "x".repeat(390_000);
        for (int batch = 0; batch < 4; batch++) {
            List<WriteRequest> puts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                puts.add(put(item("pk", s("big-" + (batch * 12 + i)), "p", s(payload))));
            }
            dynamo.batchWriteItem(r -> r.requestItems(Map.of("batch_hash", puts)));
        }
        List<Map<String, AttributeValue>> all = IntStream.range(0, 48).mapToObj(i -> item("pk", s("big-" + i)))
                .toList();
        BatchGetItemResponse first = dynamo.batchGetItem(r -> r.requestItems(Map.of("batch_hash", keys(all))));
        int answered = first.responses().get("batch_hash").size();
        List<Map<String, AttributeValue>> left = first.unprocessedKeys().get("batch_hash").keys();
        assertThat(answered).isEqualTo(44);
        assertThat(left).hasSize(4);
        assertThat(first.unprocessedKeys().get("batch_hash").consistentRead()).isTrue();
        BatchGetItemResponse second = dynamo.batchGetItem(r -> r.requestItems(first.unprocessedKeys()));
        assertThat(second.responses().get("batch_hash")).hasSize(4);
        assertThat(second.unprocessedKeys()).isEmpty();
    }

    /** The exact message of the DynamoDB error the call raises, checking its type. */
    private static String refused(Class<? extends DynamoDbException> type, Runnable call) {
        return catchThrowableOfType(call::run, type).awsErrorDetails().errorMessage();
    }

    private static String refused(Runnable call) {
        return refused(DynamoDbException.class, call);
    }

    @Test
    void batchGetRefusals() {
        List<Map<String, AttributeValue>> many = IntStream.range(0, 101).mapToObj(i -> item("pk", s("k" + i)))
                .toList();
        assertThat(refused(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of("batch_hash", keys(many))))))
                .isEqualTo("1 validation error detected: Value at 'RequestItems.batch_hash.member.Keys' failed to "
                        + "satisfy constraint: Member must have length less than or equal to 100");
        List<Map<String, AttributeValue>> binaryKeys = IntStream.range(0, 41).mapToObj(i -> item("pk",
                AttributeValue.fromB(SdkBytes.fromUtf8String("b" + i)))).toList();
        assertThat(refused(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of("batch_hash",
                keys(many.subList(0, 60)), "batch_binary", keys(binaryKeys))))))
                .isEqualTo("Too many items requested for the BatchGetItem call");
        assertThat(refused(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of()))))
                .isEqualTo("The requestItems parameter is required for BatchGetItem");
        assertThat(refused(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of("batch_hash",
                keys(List.of(item("pk", s("d")), item("pk", s("d")))))))))
                .isEqualTo("Provided list of item keys contains duplicates");
        assertThat(refused(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of("batch_hash",
                keys(List.of(item("pk", n("1")))))))))
                .isEqualTo("The provided key element does not match the schema");
        assertThat(refused(ResourceNotFoundException.class, () -> dynamo.batchGetItem(r -> r.requestItems(Map.of(
                "no_such_table", keys(List.of(item("pk", s("a")))))))))
                .isEqualTo("Requested resource not found");
        assertThat(refused(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of("batch_hash",
                KeysAndAttributes.builder().keys(item("pk", s("a"))).projectionExpression("a")
                        .expressionAttributeNames(Map.of("#unused", "b")).build())))))
                .isEqualTo("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}");
        assertThat(refused(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of("batch_hash",
                keys(List.of(item("pk", s("a")))))).returnConsumedCapacity("BOGUS"))))
                .isEqualTo("1 validation error detected: Value 'BOGUS' at 'returnConsumedCapacity' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
    }

    @Test
    void batchWriteRefusalsWriteNothing() {
        List<WriteRequest> tooMany = IntStream.range(0, 26).mapToObj(i -> put(item("pk", s("t" + i)))).toList();
        assertThat(refused(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("batch_hash", tooMany)))))
                .startsWith("1 validation error detected: Value '{batch_hash=[WriteRequest(putRequest=PutRequest(item="
                        + "{pk=AttributeValue(S=t0)})")
                .endsWith("' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: "
                        + "[Member must have length less than or equal to 25, Member must have length greater than or "
                        + "equal to 1]");
        List<WriteRequest> sorted = IntStream.range(0, 13).mapToObj(i -> put(item("pk", s("s"), "sk",
                n(String.valueOf(i))))).toList();
        assertThat(refused(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("batch_hash",
                tooMany.subList(0, 13), "batch_sorted", sorted)))))
                .isEqualTo("Too many items requested for the BatchWriteItem call");
        assertThat(refused(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of()))))
                .isEqualTo("The requestItems parameter is required for BatchWriteItem");
        assertThat(refused(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("batch_hash",
                List.of(put(item("pk", s("dup"))), delete(item("pk", s("dup")))))))))
                .isEqualTo("Provided list of item keys contains duplicates");
        assertThat(refused(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("batch_hash",
                List.of(put(item("pk", s("fine"))), put(item("pk", n("5")))))))))
                .isEqualTo("The provided key element does not match the schema");
        assertThat(refused(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("batch_hash",
                List.of(put(item("pk", s("fine"))), put(item("pk", s("")))))))))
                .isEqualTo("One or more parameter values are not valid. The AttributeValue for a key attribute "
                        + "cannot contain an empty string value. Key: pk");
        AttributeValue emptyBinary = AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0]));
        assertThat(refused(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("batch_binary",
                List.of(delete(item("pk", emptyBinary))))))))
                .isEqualTo("One or more parameter values are not valid. The AttributeValue for a key attribute "
                        + "cannot contain an empty binary value. Key: pk");
        assertThat(refused(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("batch_hash",
                List.of(put(item("pk", s("fine"), "p", s("x".repeat(409_600))))))))))
                .isEqualTo("Item size has exceeded the maximum allowed size");
        assertThat(refused(ResourceNotFoundException.class, () -> dynamo.batchWriteItem(r -> r.requestItems(Map.of(
                "batch_hash", List.of(put(item("pk", s("fine")))),
                "no_such_table", List.of(put(item("pk", s("x"))))))))).isEqualTo("Requested resource not found");
        assertThat(refused(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("bad!name",
                List.of(put(item("pk", s("x"))))))))).matches("1 validation error detected: Value '\\{bad!name="
                        + "\\[WriteRequest\\(putRequest=PutRequest\\(item=\\{pk=.+\\}.*\\)\\]\\}' at "
                        + "'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: \\[Member "
                        + "must have length less than or equal to 255, Member must have length greater than or equal "
                        + "to 3, Member must satisfy regular expression pattern: \\[a-zA-Z0-9_.-\\]\\+\\]");
        assertThat(dynamo.getItem(r -> r.tableName("batch_hash").key(item("pk", s("fine")))).hasItem()).isFalse();
    }

    @Test
    void replacedAndDeletedItemsCountTheirOldItemsAndShowInTheStream() {
        String arn = dynamo.createTable(CreateTableRequest.builder().tableName("batch_replace")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)).billingMode("PAY_PER_REQUEST")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .build()).tableDescription().latestStreamArn();
        // 2 + 3 + 1 + 3,000 = 3,006 bytes (3 write units); 2 + 3 + 1 + 1,500 = 1,506 (2); 2 + 4 + 1 + 1 = 8
        Map<String, AttributeValue> big = item("pk", s("big"), "v", s("x".repeat(3000)));
        Map<String, AttributeValue> mid = item("pk", s("mid"), "v", s("y".repeat(1500)));
        Map<String, AttributeValue> same = item("pk", s("same"), "v", s("z"));
        for (Map<String, AttributeValue> item : List.of(big, mid, same)) {
            dynamo.putItem(p -> p.tableName("batch_replace").item(item));
        }
        Map<String, AttributeValue> small = item("pk", s("big"), "v", s("s"));
        Map<String, AttributeValue> fresh = item("pk", s("new"));

        BatchWriteItemResponse written = dynamo.batchWriteItem(r -> r.requestItems(Map.of("batch_replace",
                List.of(put(small), delete(item("pk", s("mid"))), put(same), put(fresh))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        // the larger of the old and new item: 3 for the replaced item, 2 for the deleted one, 1 each for the others
        assertThat(written.consumedCapacity()).extracting(c -> c.tableName() + "=" + c.capacityUnits())
                .containsExactly("batch_replace=7.0");
        // big (now 2 + 3 + 1 + 1), same (8) and new (2 + 3)
        assertThat(dynamo.describeTable(d -> d.tableName("batch_replace")).table())
                .extracting(t -> t.itemCount() + " items, " + t.tableSizeBytes() + " bytes")
                .isEqualTo("3 items, 20 bytes");
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(engine.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String shard = streams.describeStream(d -> d.streamArn(arn)).streamDescription().shards().get(0)
                    .shardId();
            String iterator = streams.getShardIterator(g -> g.streamArn(arn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            List<Record> records = streams.getRecords(g -> g.shardIterator(iterator)).records();
            // rewriting "same" unchanged is no change: no record
            assertThat(records).extracting(r -> r.eventNameAsString() + " " + r.dynamodb().keys().get("pk").s()
                    + " old=" + r.dynamodb().oldImage().size() + " new=" + r.dynamodb().newImage().size())
                    .containsExactly("INSERT big old=0 new=2", "INSERT mid old=0 new=2", "INSERT same old=0 new=2",
                            "MODIFY big old=2 new=2", "REMOVE mid old=2 new=0", "INSERT new old=0 new=1");
            assertThat(records.get(3).dynamodb().oldImage()).isEqualTo(big);
            assertThat(records.get(3).dynamodb().newImage()).isEqualTo(small);
            assertThat(records.get(4).dynamodb().oldImage()).isEqualTo(mid);
        }
    }
}
