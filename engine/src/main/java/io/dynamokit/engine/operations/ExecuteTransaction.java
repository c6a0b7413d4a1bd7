package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.model.DynamoException.CancellationReason;
import io.dynamokit.engine.partiql.Ast;
import io.dynamokit.engine.partiql.Parser;
import io.dynamokit.engine.partiql.Planner;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ExecuteTransaction: up to 100 statements, all reads (one item each, by its whole key) or all writes. Writes are
 * planned and evaluated under the write lock and applied in one write, or cancelled with one reason per statement as
 * TransactWriteItems gives them; a ClientRequestToken makes a write transaction idempotent for 10 minutes.
 */
final class ExecuteTransaction implements Operation {
    private final Storage storage;
    /** Tokens of applied transactions; guarded by the storage write lock. */
    private final IdempotencyTokens<Object> tokens = new IdempotencyTokens<>();

    ExecuteTransaction(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        List<Object> statements = request.list("TransactStatements");
        String token = request.string("ClientRequestToken");
        String capacityMode = request.string("ReturnConsumedCapacity");
        Constraints c = new Constraints();
        c.notNull("transactStatements", statements);
        c.size("transactStatements", statements, 1, TransactWriteItems.MAX_ACTIONS);
        if (statements != null) {
            for (int i = 0; i < statements.size(); i++) {
                Map<String, Object> member = Nodes.struct(statements.get(i));
                if (member != null) {
                    ExecuteStatement.checkStatement(c, "transactStatements." + (i + 1) + ".member.",
                            member.get("Statement"), Nodes.list(member.get("Parameters")));
                }
            }
        }
        if (token != null) {
            c.length("clientRequestToken", token, token.length(), 1, 36);
        }
        c.oneOf("returnConsumedCapacity", capacityMode, ReadRequests.RETURN_CONSUMED_CAPACITY);
        c.check();

        List<Ast.Statement> parsed = new ArrayList<>();
        List<Map<String, Object>> members = new ArrayList<>();
        boolean reads = false;
        boolean writes = false;
        for (int i = 0; i < statements.size(); i++) {
            Map<String, Object> member = Nodes.struct(statements.get(i));
            members.add(member);
            Ast.Statement statement;
            try {
                statement = Parser.parse(Nodes.string(member.get("Statement")),
                        ExecuteStatement.parameters(Nodes.list(member.get("Parameters"))));
            } catch (DynamoException invalid) {
                if (!invalid.shortType().equals("ValidationException")) {
                    throw invalid;
                }
                throw DynamoException.validation("Validation failed in TransactStatements[" + i + "]: "
                        + invalid.getMessage());
            }
            if ((statement instanceof Ast.Update u && u.returning() != null)
                    || (statement instanceof Ast.Delete d && d.returning() != null)) {
                throw DynamoException.validation("RETURNING clause is not supported in ExecuteTransaction.");
            }
            parsed.add(statement);
            reads |= statement instanceof Ast.Select;
            writes |= !(statement instanceof Ast.Select);
        }
        if (reads && writes) {
            throw DynamoException.validation("ExecuteTransaction API does not support both read and write operations "
                    + "in the same request.");
        }
        return reads ? read(parsed, capacityMode) : write(parsed, members, token, capacityMode,
                token == null ? null : RequestDigest.of(statements));
    }

    private Map<String, Object> read(List<Ast.Statement> statements, String capacityMode) {
        CapacityTally capacity = CapacityTally.transactional(capacityMode, "ReadCapacityUnits");
        List<Map<String, Object>> responses = storage.read(() -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Ast.Statement statement : statements) {
                Ast.Select select = (Ast.Select) statement;
                Table table = storage.itemTable(select.table());
                if (select.index() != null) {
                    throw DynamoException.validation("Reads on indices are not supported within transactions.");
                }
                Map<String, AttributeValue> key = Planner.key(select.where(), table.keySchema());
                Keys.checkKey(table.metadata(), key);
                Map<String, AttributeValue> item = table.get(key);
                capacity.read(table, item, true);
                Map<String, Object> response = new LinkedHashMap<>();
                if (item != null) {
                    response.put("Item", Planner.project(select.paths(), Planner.outputNames(select.paths()), item));
                }
                out.add(response);
            }
            return out;
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Responses", responses);
        answer.put("ConsumedCapacity", capacity.answer());
        return answer;
    }

    private Map<String, Object> write(List<Ast.Statement> statements, List<Map<String, Object>> members, String token,
            String capacityMode, Object fingerprint) {
        CapacityTally capacity = CapacityTally.transactional(capacityMode, "WriteCapacityUnits");
        CapacityTally consumed = storage.write(mutation -> {
            Instant now = storage.now();
            if (token != null) {
                Object applied = tokens.find(token, now);
                if (applied != null) {
                    if (!applied.equals(fingerprint)) {
                        throw DynamoException.idempotentParameterMismatch("Request parameters do not match the "
                                + "parameters of the previous request with the same client request token");
                    }
                    return Transactions.repeatCapacity(storage, capacityMode, repeatedReads(statements));
                }
            }
            List<PartiqlWrite> writes = new ArrayList<>();
            Transactions.Targets targets = new Transactions.Targets();
            for (Ast.Statement statement : statements) {
                PartiqlWrite planned = PartiqlWrite.plan(statement, storage);
                targets.add(planned.table(), planned.target());
                writes.add(planned);
            }
            List<PartiqlWrite.Outcome> outcomes = new ArrayList<>();
            boolean cancelled = false;
            for (int i = 0; i < writes.size(); i++) {
                boolean returnOld = "ALL_OLD".equals(
                        Nodes.string(members.get(i).get("ReturnValuesOnConditionCheckFailure")));
                PartiqlWrite.Outcome outcome = writes.get(i).evaluate(returnOld);
                outcomes.add(outcome);
                cancelled |= outcome.failure() != null;
            }
            if (cancelled) {
                List<CancellationReason> reasons = new ArrayList<>();
                outcomes.forEach(outcome -> reasons.add(PartiqlWrite.reason(outcome)));
                throw Transactions.cancelled(reasons);
            }
            for (int i = 0; i < writes.size(); i++) {
                writes.get(i).apply(mutation, outcomes.get(i));
                capacity.write(writes.get(i).table(), outcomes.get(i).old(), outcomes.get(i).written());
            }
            if (token != null) {
                tokens.record(token, fingerprint, now);
            }
            return capacity;
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Responses", List.of());
        answer.put("ConsumedCapacity", consumed.answer());
        return answer;
    }

    /** The items a repeated transaction reads: each statement's target, where its table is still there to plan on. */
    private List<Transactions.Read> repeatedReads(List<Ast.Statement> statements) {
        List<Transactions.Read> reads = new ArrayList<>();
        for (Ast.Statement statement : statements) {
            try {
                PartiqlWrite planned = PartiqlWrite.plan(statement, storage);
                reads.add(new Transactions.Read(planned.table().name(), planned.target()));
            } catch (DynamoException tableGone) {
                // nothing to read: the table was deleted since the transaction was applied
            }
        }
        return reads;
    }
}
