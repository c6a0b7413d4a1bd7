package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynamokit.engine.support.EngineTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class PartiqlTest extends EngineTestBase {

    @BeforeAll
    void tables() {
        createHashTable("pql", ScalarAttributeType.S);
        createCompositeTable("pq_sorted", ScalarAttributeType.N);
        for (int i = 1; i <= 5; i++) {
            dynamo.putItem(r -> r.tableName("pq_sorted").item(item("pk", s("p"), "sk", n("0"), "v", s("x"))));
        }
        for (int i = 1; i <= 5; i++) {
            int sk = i;
            dynamo.putItem(r -> r.tableName("pq_sorted").item(item("pk", s("p"), "sk", n(String.valueOf(sk)),
                    "v", s(sk % 2 == 0 ? "even" : "odd"))));
        }
        dynamo.putItem(r -> r.tableName("pq_sorted").item(item("pk", s("q"), "sk", n("1"), "v", s("odd"))));
    }

    private ExecuteStatementResponse run(String statement, AttributeValue... parameters) {
        return dynamo.executeStatement(r -> {
            r.statement(statement);
            if (parameters.length > 0) {
                r.parameters(parameters);
            }
        });
    }

    private Map<String, AttributeValue> get(String pk) {
        var answer = dynamo.getItem(r -> r.tableName("pql").key(Map.of("pk", s(pk))).consistentRead(true));
        return answer.hasItem() ? answer.item() : null;
    }

    private static String message(DynamoDbException e) {
        return e.awsErrorDetails().errorMessage();
    }

    private DynamoDbException refused(String statement, AttributeValue... parameters) {
        return catchThrowableOfType(() -> run(statement, parameters), DynamoDbException.class);
    }

    @Test
    void insertThenSelectByKeyWithProjectionOfNestedPaths() {
        run("INSERT INTO \"pql\" VALUE {'pk': 'a', 'm': {'k': [1, 'two']}, 's': <<'x', 'y'>>, 'ok': true, "
                + "'nothing': null}");
        assertThat(get("a")).containsEntry("s", AttributeValue.fromSs(List.of("x", "y")))
                .containsEntry("ok", AttributeValue.fromBool(true)).containsEntry("nothing", AttributeValue.fromNul(true));

        ExecuteStatementResponse answer = run("SELECT pk, m.k[1], \"s\" FROM \"pql\" WHERE pk = ?", s("a"));

        assertThat(answer.items()).containsExactly(Map.of("pk", s("a"), "k[1]", s("two"),
                "s", AttributeValue.fromSs(List.of("x", "y"))));
        assertThat(answer.nextToken()).isNull();
    }

    @Test
    void insertOfAnExistingKeyIsRefusedAndChangesNothing() {
        run("INSERT INTO \"pql\" VALUE {'pk': 'dup', 'v': 1}");

        DuplicateItemException e = catchThrowableOfType(() -> run("INSERT INTO \"pql\" VALUE {'pk': 'dup', 'v': 2}"),
                DuplicateItemException.class);

        assertThat(message(e)).isEqualTo("Duplicate primary key exists in table");
        assertThat(get("dup")).containsEntry("v", n("1"));
    }

    @Test
    void whereOperatorsFilterAPartition() {
        assertThat(sks("SELECT * FROM \"pq_sorted\" WHERE pk = 'p' AND sk BETWEEN 2 AND 4")).containsExactly(2, 3, 4);
        assertThat(sks("SELECT * FROM \"pq_sorted\" WHERE pk = 'p' AND v IN ['even'] AND sk <> 4")).containsExactly(2);
        assertThat(sks("SELECT * FROM \"pq_sorted\" WHERE pk = 'p' AND begins_with(v, 'ev') OR pk = 'q'"))
                .containsExactly(2, 4, 1);
        assertThat(sks("SELECT * FROM \"pq_sorted\" WHERE pk = 'p' AND size(v) = 3 AND NOT sk >= 5"))
                .containsExactly(1, 3);
        assertThat(sks("SELECT * FROM \"pq_sorted\" WHERE pk IN ['q', 'p'] AND nope IS MISSING AND v IS NOT MISSING "
                + "AND attribute_type(v, 'S') AND contains(v, 'd') AND sk > 0")).containsExactly(1, 1, 3, 5);
    }

    private List<Integer> sks(String statement) {
        List<Integer> sks = new ArrayList<>();
        run(statement).items().forEach(item -> sks.add(Integer.valueOf(item.get("sk").n())));
        return sks;
    }

    @Test
    void orderByTheSortKeyDescending() {
        assertThat(sks("SELECT * FROM \"pq_sorted\" WHERE pk = 'p' AND sk > 0 ORDER BY sk DESC"))
                .containsExactly(5, 4, 3, 2, 1);
    }

    @Test
    void orderByRefusalsHaveDynamoDbsMessages() {
        assertThat(message(refused("SELECT * FROM \"pq_sorted\" ORDER BY sk")))
                .isEqualTo("Must have WHERE clause in the statement when using ORDER BY clause.");
        assertThat(message(refused("SELECT * FROM \"pq_sorted\" WHERE v = 'odd' ORDER BY sk")))
                .isEqualTo("Must have at least one non-optional hash key condition in WHERE clause when using ORDER "
                        + "BY clause.");
        assertThat(message(refused("SELECT * FROM \"pq_sorted\" WHERE pk = 'p' ORDER BY v")))
                .isEqualTo("Attribute v in ORDER BY clause must be part of the primary key");
    }

    @Test
    void aScanPagesWithLimitAndNextToken() {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ExecuteStatementResponse page = dynamo.executeStatement(r -> r.statement(
                    "SELECT * FROM \"pq_sorted\" WHERE v = 'odd'").limit(2).nextToken(next));
            all.addAll(page.items());
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(all).hasSize(4);
        assertThat(pages).isEqualTo(4);
        String first = run("SELECT * FROM \"pq_sorted\"").nextToken();
        assertThat(first).isNull();
        String other = dynamo.executeStatement(r -> r.statement("SELECT * FROM \"pq_sorted\"").limit(1)).nextToken();
        DynamoDbException e = catchThrowableOfType(() -> dynamo.executeStatement(r -> r.statement(
                "SELECT * FROM \"pq_sorted\" WHERE v = 'odd'").nextToken(other)), DynamoDbException.class);
        assertThat(message(e)).isEqualTo("NextToken does not match request");
    }

    @Test
    void updateSetsRemovesAddsAndAppends() {
        dynamo.putItem(r -> r.tableName("pql").item(item("pk", s("u"), "n", n("1"), "gone", s("x"),
                "l", AttributeValue.fromL(List.of(n("1"))), "ss", AttributeValue.fromSs(List.of("a", "b")))));

        ExecuteStatementResponse answer = run("UPDATE \"pql\" SET n = n + 1 SET l = list_append(l, [2]), "
                + "ss = set_add(ss, <<'c'>>) REMOVE gone SET ss2 = set_delete(ss2, <<'a'>>) WHERE pk = 'u' "
                + "RETURNING ALL NEW *");

        Map<String, AttributeValue> expected = item("pk", s("u"), "n", n("2"),
                "l", AttributeValue.fromL(List.of(n("1"), n("2"))), "ss", AttributeValue.fromSs(List.of("a", "b", "c")));
        assertThat(get("u")).isEqualTo(expected);
        assertThat(answer.items()).containsExactly(expected);
        run("UPDATE \"pql\" SET ss = set_delete(ss, <<'a', 'b', 'c'>>) WHERE pk = 'u'");
        assertThat(get("u")).doesNotContainKey("ss");
    }

    @Test
    void updateOfAMissingItemOrAFalseConditionFailsItsCondition() {
        assertThat(catchThrowableOfType(() -> run("UPDATE \"pql\" SET v = 1 WHERE pk = 'never'"),
                ConditionalCheckFailedException.class)).isNotNull();
        assertThat(get("never")).isNull();
        dynamo.putItem(r -> r.tableName("pql").item(item("pk", s("c"), "v", n("5"))));

        ConditionalCheckFailedException e = catchThrowableOfType(() -> dynamo.executeStatement(r -> r
                .statement("UPDATE \"pql\" SET v = 6 WHERE pk = 'c' AND v > 5")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
                ConditionalCheckFailedException.class);

        assertThat(message(e)).isEqualTo("The conditional request failed");
        assertThat(e.item()).isEqualTo(item("pk", s("c"), "v", n("5")));
        assertThat(get("c")).containsEntry("v", n("5"));
    }

    @Test
    void deleteWithAConditionAndOfAMissingItem() {
        dynamo.putItem(r -> r.tableName("pql").item(item("pk", s("d"), "v", n("1"))));
        assertThat(catchThrowableOfType(() -> run("DELETE FROM \"pql\" WHERE pk = 'd' AND v = 2"),
                ConditionalCheckFailedException.class)).isNotNull();
        assertThat(get("d")).isNotNull();

        assertThat(run("DELETE FROM \"pql\" WHERE pk = 'd' AND v = 1").items()).isEmpty();
        assertThat(get("d")).isNull();
        assertThat(run("DELETE FROM \"pql\" WHERE pk = 'd'").items()).isEmpty();
    }

    @Test
    void writesNeedTheWholeKey() {
        assertThat(message(refused("UPDATE \"pq_sorted\" SET v = 1 WHERE pk = 'p'")))
                .isEqualTo("Where clause does not contain a mandatory equality on all key attributes");
        assertThat(message(refused("DELETE FROM \"pql\" WHERE v = 1")))
                .isEqualTo("Where clause does not contain a mandatory equality on all key attributes");
        assertThat(message(refused("UPDATE \"pql\" SET pk = 'x' WHERE pk = 'a'")))
                .isEqualTo("One or more parameter values were invalid: Cannot update attribute pk. This attribute "
                        + "is part of the key");
    }

    @Test
    void malformedStatementsAndParameterMismatches() {
        assertThat(message(refused("SELECTT * FROMM \"pql\"")))
                .isEqualTo("Statement wasn't well formed, can't be processed: Expected data manipulation");
        assertThat(message(refused("SELECT * FROM \"pql\" WHERE")))
                .isEqualTo("Statement wasn't well formed, can't be processed: Unexpected term");
        assertThat(message(refused("SELECT * FROM \"pql\" WHERE pk = 'a' AND")))
                .isEqualTo("Statement wasn't well formed, can't be processed: Missing right-hand side expression of "
                        + "infix operator");
        assertThat(message(refused("SELECT * FROM \"pql\" WHERE pk = 'a' foo")))
                .isEqualTo("Statement wasn't well formed, can't be processed: Unexpected token after expression");
        assertThat(message(refused("SELECT * FROM \"pql\" t WHERE pk = 'a'"))).isEqualTo("Aliasing is not supported");
        assertThat(message(refused("INSERT INTO \"pql\" VALUE {'pk': 'z', 'l': [1, 1e126]}")))
                .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range "
                        + "under root.l[1]");
        assertThat(message(refused("SELECT * FROM \"pql\" WHERE pk = ?")))
                .isEqualTo("Number of parameters in request and statement don't match.");
        assertThat(message(refused("SELECT * FROM \"pql\" WHERE pk = ?", s("a"), s("b"))))
                .isEqualTo("Number of parameters in request and statement don't match.");
        ResourceNotFoundException missing = catchThrowableOfType(() -> run("SELECT * FROM \"nope\" WHERE pk = 'x'"),
                ResourceNotFoundException.class);
        assertThat(message(missing)).isEqualTo("Requested resource not found");
    }

    @Test
    void consumedCapacityOfAReadAndAWrite() {
        ExecuteStatementResponse read = dynamo.executeStatement(r -> r.statement(
                "SELECT * FROM \"pq_sorted\" WHERE pk = 'q'").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(read.consumedCapacity().tableName()).isEqualTo("pq_sorted");
        assertThat(read.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        ExecuteStatementResponse write = dynamo.executeStatement(r -> r.statement(
                "INSERT INTO \"pql\" VALUE {'pk': 'cap'}").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(write.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void batchAnswersEachStatementWithItsItemOrError() {
        dynamo.putItem(r -> r.tableName("pql").item(item("pk", s("b1"), "v", s("one"))));

        BatchExecuteStatementResponse answer = dynamo.batchExecuteStatement(r -> r.statements(
                BatchStatementRequest.builder().statement("SELECT v FROM \"pql\" WHERE pk = 'b1'").build(),
                BatchStatementRequest.builder().statement("SELECT * FROM \"pql\" WHERE pk = 'b-absent'").build(),
                BatchStatementRequest.builder().statement("SELECT * FROM \"nope\" WHERE pk = 'x'").build(),
                BatchStatementRequest.builder().statement("SLECT * FROM \"pql\"").build()));

        assertThat(answer.responses()).hasSize(4);
        assertThat(answer.responses().get(0).item()).isEqualTo(Map.of("v", s("one")));
        assertThat(answer.responses().get(0).tableName()).isEqualTo("pql");
        assertThat(answer.responses().get(1).hasItem()).isFalse();
        assertThat(answer.responses().get(2).error().codeAsString()).isEqualTo("ResourceNotFound");
        assertThat(answer.responses().get(2).error().message()).isEqualTo("Requested resource not found");
        assertThat(answer.responses().get(3).error().codeAsString()).isEqualTo("ValidationError");
        assertThat(answer.responses().get(3).error().message())
                .isEqualTo("Statement wasn't well formed, can't be processed: Expected data manipulation");
    }

    @Test
    void batchWritesRunOneByOne() {
        BatchExecuteStatementResponse answer = dynamo.batchExecuteStatement(r -> r.statements(
                BatchStatementRequest.builder().statement("INSERT INTO \"pql\" VALUE {'pk': 'bw'}").build(),
                BatchStatementRequest.builder().statement("INSERT INTO \"pql\" VALUE {'pk': 'bw'}").build(),
                BatchStatementRequest.builder().statement("UPDATE \"pql\" SET v = 1 WHERE pk = 'bw-absent'").build()));

        assertThat(answer.responses().get(0).error()).isNull();
        assertThat(answer.responses().get(1).error().codeAsString()).isEqualTo("DuplicateItem");
        assertThat(answer.responses().get(1).error().message()).isEqualTo("Duplicate primary key exists in table");
        assertThat(answer.responses().get(2).error().codeAsString()).isEqualTo("ConditionalCheckFailed");
        assertThat(get("bw")).isNotNull();
        DynamoDbException empty = catchThrowableOfType(() -> dynamo.batchExecuteStatement(r -> r.statements(
                List.of())), DynamoDbException.class);
        assertThat(message(empty)).isEqualTo("1 validation error detected: Value '[]' at 'statements' failed to "
                + "satisfy constraint: Member must have length greater than or equal to 1");
    }

    private static ParameterizedStatement statement(String text) {
        return ParameterizedStatement.builder().statement(text).build();
    }

    @Test
    void transactionAppliesAllOrNothing() {
        dynamo.putItem(r -> r.tableName("pql").item(item("pk", s("t1"), "v", n("1"))));
        dynamo.putItem(r -> r.tableName("pql").item(item("pk", s("t2"))));

        TransactionCanceledException e = catchThrowableOfType(() -> dynamo.executeTransaction(r -> r
                .transactStatements(statement("INSERT INTO \"pql\" VALUE {'pk': 't-new'}"),
                        statement("UPDATE \"pql\" SET v = 2 WHERE pk = 't1' AND v = 5"),
                        statement("INSERT INTO \"pql\" VALUE {'pk': 't2'}"))), TransactionCanceledException.class);

        assertThat(message(e)).isEqualTo("Transaction cancelled, please refer cancellation reasons for specific "
                + "reasons [None, ConditionalCheckFailed, DuplicateItem]");
        assertThat(e.cancellationReasons()).extracting(reason -> reason.code())
                .containsExactly("None", "ConditionalCheckFailed", "DuplicateItem");
        assertThat(get("t-new")).isNull();

        ExecuteTransactionResponse applied = dynamo.executeTransaction(r -> r.transactStatements(
                statement("INSERT INTO \"pql\" VALUE {'pk': 't-new'}"),
                statement("UPDATE \"pql\" SET v = v + 1 WHERE pk = 't1'"),
                statement("EXISTS(SELECT * FROM \"pql\" WHERE pk = 't2' AND v IS MISSING)")));
        assertThat(applied.responses()).isEmpty();
        assertThat(get("t-new")).isNotNull();
        assertThat(get("t1")).containsEntry("v", n("2"));
    }

    @Test
    void transactionTokenAppliesOnceAndReadsAnswerEachItem() {
        dynamo.putItem(r -> r.tableName("pql").item(item("pk", s("tok"), "v", n("0"))));
        for (int i = 0; i < 2; i++) {
            dynamo.executeTransaction(r -> r.clientRequestToken("token-1")
                    .transactStatements(statement("UPDATE \"pql\" SET v = v + 1 WHERE pk = 'tok'")));
        }
        assertThat(get("tok")).containsEntry("v", n("1"));
        ExecuteTransactionResponse repeat = dynamo.executeTransaction(r -> r.clientRequestToken("token-1")
                .transactStatements(statement("UPDATE \"pql\" SET v = v + 1 WHERE pk = 'tok'"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        // a repeat reads the item (a transactional read, twice a consistent read's unit) and writes nothing
        assertThat(repeat.consumedCapacity()).extracting(c -> c.tableName() + "=" + c.capacityUnits() + "/"
                + c.readCapacityUnits() + "/" + c.writeCapacityUnits()).containsExactly("pql=2.0/2.0/null");
        assertThat(get("tok")).containsEntry("v", n("1"));
        IdempotentParameterMismatchException mismatch = catchThrowableOfType(() -> dynamo.executeTransaction(r -> r
                .clientRequestToken("token-1").transactStatements(statement(
                        "UPDATE \"pql\" SET v = v + 2 WHERE pk = 'tok'"))), IdempotentParameterMismatchException.class);
        assertThat(mismatch).isNotNull();

        ExecuteTransactionResponse reads = dynamo.executeTransaction(r -> r.transactStatements(
                statement("SELECT v FROM \"pql\" WHERE pk = 'tok'"), statement("SELECT * FROM \"pql\" WHERE pk = 'no'")));
        assertThat(reads.responses()).hasSize(2);
        assertThat(reads.responses().get(0).item()).isEqualTo(Map.of("v", n("1")));
        assertThat(reads.responses().get(1).hasItem()).isFalse();

        DynamoDbException mixed = catchThrowableOfType(() -> dynamo.executeTransaction(r -> r.transactStatements(
                statement("SELECT v FROM \"pql\" WHERE pk = 'tok'"),
                statement("DELETE FROM \"pql\" WHERE pk = 'tok'"))), DynamoDbException.class);
        assertThat(message(mixed)).isEqualTo("ExecuteTransaction API does not support both read and write operations "
                + "in the same request.");
        DynamoDbException malformed = catchThrowableOfType(() -> dynamo.executeTransaction(r -> r.transactStatements(
                statement("SELECT * FROM \"pql\" WHERE"))), DynamoDbException.class);
        assertThat(message(malformed)).isEqualTo("Validation failed in TransactStatements[0]: Statement wasn't well "
                + "formed, can't be processed: Unexpected term");
    }
}
