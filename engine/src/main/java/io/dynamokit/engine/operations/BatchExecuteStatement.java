package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.partiql.Ast;
import io.dynamokit.engine.partiql.Evaluator;
import io.dynamokit.engine.partiql.Parser;
import io.dynamokit.engine.partiql.Planner;
import io.dynamokit.engine.protocol.Nodes;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BatchExecuteStatement: up to 25 statements, all reads (each a SELECT of one item by its whole key) or all writes,
 * each run on its own (not a transaction): every statement answers its item or table, or its own Error, in order.
 */
final class BatchExecuteStatement implements Operation {
    static final int MAX_STATEMENTS = 25;

    private final Storage storage;

    BatchExecuteStatement(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        List<Object> statements = request.list("Statements");
        String capacityMode = request.string("ReturnConsumedCapacity");
        Constraints c = new Constraints();
        c.notNull("statements", statements);
        c.size("statements", statements, 1, MAX_STATEMENTS);
        if (statements != null) {
            for (int i = 0; i < statements.size(); i++) {
                Map<String, Object> member = Nodes.struct(statements.get(i));
                if (member != null) {
                    ExecuteStatement.checkStatement(c, "statements." + (i + 1) + ".member.",
                            member.get("Statement"), Nodes.list(member.get("Parameters")));
                }
            }
        }
        c.oneOf("returnConsumedCapacity", capacityMode, ReadRequests.RETURN_CONSUMED_CAPACITY);
        c.check();

        List<Object> parsed = new ArrayList<>();
        List<Map<String, Object>> members = new ArrayList<>();
        boolean reads = false;
        boolean writes = false;
        for (Object node : statements) {
            Map<String, Object> member = Nodes.struct(node);
            members.add(member);
            try {
                Ast.Statement statement = Parser.parse(Nodes.string(member.get("Statement")),
                        ExecuteStatement.parameters(Nodes.list(member.get("Parameters"))));
                parsed.add(statement);
                reads |= statement instanceof Ast.Select;
                writes |= !(statement instanceof Ast.Select);
            } catch (DynamoException invalid) {
                parsed.add(invalid);
            }
        }
        if (reads && writes) {
            throw DynamoException.validation("Batch operations must contain either all read statements or all "
                    + "write statements");
        }
        CapacityTally capacity = CapacityTally.of(capacityMode);
        List<Map<String, Object>> responses = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            Map<String, Object> response = new LinkedHashMap<>();
            Object statement = parsed.get(i);
            try {
                if (statement instanceof DynamoException invalid) {
                    throw invalid;
                }
                if (statement instanceof Ast.Select select) {
                    read(select, response, capacity);
                } else {
                    write((Ast.Statement) statement, members.get(i), response, capacity);
                }
            } catch (DynamoException error) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("Code", PartiqlWrite.errorCode(error));
                detail.put("Message", error.getMessage());
                if (error.item() != null) {
                    detail.put("Item", error.item());
                }
                response.clear();
                response.put("Error", detail);
                if (statement instanceof Ast.Statement s && !error.shortType().equals("ResourceNotFoundException")) {
                    response.put("TableName", s.table());
                }
            }
            responses.add(response);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Responses", responses);
        answer.put("ConsumedCapacity", capacity.answer());
        return answer;
    }

    private void read(Ast.Select select, Map<String, Object> response, CapacityTally capacity) {
        storage.read(() -> {
            Table table = storage.itemTable(select.table());
            if (select.index() != null) {
                throw DynamoException.validation("Reads on indices are not supported in BatchExecuteStatement");
            }
            Map<String, AttributeValue> key = Planner.key(select.where(), table.keySchema());
            Keys.checkKey(table.metadata(), key);
            Map<String, AttributeValue> item = table.get(key);
            capacity.read(table, item, false);
            response.put("TableName", table.name());
            if (item != null && Evaluator.test(select.where(), item)) {
                response.put("Item", Planner.project(select.paths(), Planner.outputNames(select.paths()), item));
            }
            return null;
        });
    }

    private void write(Ast.Statement statement, Map<String, Object> member, Map<String, Object> response,
            CapacityTally capacity) {
        if (statement instanceof Ast.Exists) {
            throw DynamoException.validation("EXISTS can only be used in ExecuteTransaction write requests.");
        }
        boolean returnOld = "ALL_OLD".equals(Nodes.string(member.get("ReturnValuesOnConditionCheckFailure")));
        storage.write(mutation -> {
            PartiqlWrite planned = PartiqlWrite.plan(statement, storage);
            PartiqlWrite.Outcome outcome = planned.evaluate(returnOld);
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            planned.apply(mutation, outcome);
            capacity.write(planned.table(), outcome.old(), outcome.written());
            response.put("TableName", planned.table().name());
            return null;
        });
    }
}
