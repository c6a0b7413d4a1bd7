package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.partiql.Ast;
import io.dynamokit.engine.partiql.Parser;
import io.dynamokit.engine.partiql.SelectExecutor;
import io.dynamokit.engine.protocol.AttributeValues;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.IndexDefinition;
import io.dynamokit.engine.storage.Storage;
import io.dynamokit.engine.storage.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ExecuteStatement: one PartiQL statement. A SELECT reads a page (a Query of the partitions its WHERE fixes, else a
 * Scan); INSERT, UPDATE and DELETE write one item in one write, answering an empty Items list (or the RETURNING item).
 */
final class ExecuteStatement implements Operation {
    static final int MAX_STATEMENT = 8192;

    private final Storage storage;

    ExecuteStatement(Storage storage) {
        this.storage = storage;
    }

    /** The member checks of one statement and its parameters ({@code path} prefixes the member names). */
    static void checkStatement(Constraints c, String path, Object statement, List<Object> parameters) {
        c.notNull(path + "statement", statement);
        if (statement instanceof String text) {
            c.length(path + "statement", text, text.length(), 1, MAX_STATEMENT);
        }
        c.size(path + "parameters", parameters, 1, Integer.MAX_VALUE);
    }

    static List<AttributeValue> parameters(List<Object> raw) {
        if (raw == null) {
            return List.of();
        }
        List<AttributeValue> values = new ArrayList<>(raw.size());
        for (Object node : raw) {
            values.add(AttributeValues.value(node));
        }
        return values;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String statement = request.string("Statement");
        List<Object> rawParameters = request.list("Parameters");
        Long limit = request.integer("Limit");
        String nextToken = request.string("NextToken");
        String capacityMode = request.string("ReturnConsumedCapacity");
        String onFailure = request.string("ReturnValuesOnConditionCheckFailure");
        boolean consistentRead = request.isTrue("ConsistentRead");
        Constraints c = new Constraints();
        checkStatement(c, "", statement, rawParameters);
        c.atLeast("limit", limit, 1);
        if (nextToken != null) {
            c.length("nextToken", nextToken, nextToken.length(), 1, 32768);
        }
        c.oneOf("returnConsumedCapacity", capacityMode, ReadRequests.RETURN_CONSUMED_CAPACITY);
        c.oneOf("returnValuesOnConditionCheckFailure", onFailure, "ALL_OLD", "NONE");
        c.check();
        List<AttributeValue> parameters = parameters(rawParameters);
        Ast.Statement parsed = Parser.parse(statement, parameters);
        if (parsed instanceof Ast.Select select) {
            String binding = SelectExecutor.binding(statement, parameters);
            return storage.read(() -> {
                Table table = storage.itemTable(select.table());
                IndexDefinition index = index(table, select.index(), consistentRead);
                SelectExecutor.Page page = SelectExecutor.read(select, table, index, limit, nextToken, binding);
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("Items", page.items());
                answer.put("NextToken", page.nextToken());
                answer.put("ConsumedCapacity", readCapacity(capacityMode, table, index, page, consistentRead));
                return answer;
            });
        }
        if (parsed instanceof Ast.Exists) {
            throw DynamoException.validation("EXISTS can only be used in ExecuteTransaction write requests.");
        }
        boolean returnOld = "ALL_OLD".equals(onFailure);
        PartiqlWrite.Outcome[] outcome = new PartiqlWrite.Outcome[1];
        PartiqlWrite write = storage.write(mutation -> {
            PartiqlWrite planned = PartiqlWrite.plan(parsed, storage);
            outcome[0] = planned.evaluate(returnOld);
            if (outcome[0].failure() != null) {
                throw outcome[0].failure();
            }
            planned.apply(mutation, outcome[0]);
            return planned;
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        Map<String, AttributeValue> returned = outcome[0].returned();
        answer.put("Items", returned == null || returned.isEmpty() ? List.of() : List.of(returned));
        answer.put("ConsumedCapacity", Capacity.write(capacityMode, write.table(), outcome[0].old(),
                outcome[0].written()));
        return answer;
    }

    /** The index a {@code FROM "table"."index"} names, checked as DynamoDB checks it for statements. */
    static IndexDefinition index(Table table, String name, boolean consistentRead) {
        if (name == null) {
            return null;
        }
        IndexDefinition index = table.metadata().index(name);
        if (index == null || table.index(name) == null) {
            throw DynamoException.validation("The table does not have the specified index");
        }
        if (index.global() && consistentRead) {
            throw DynamoException.validation("Strongly consistent read is not supported on Global Secondary Indexes");
        }
        return index;
    }

    private static Map<String, Object> readCapacity(String mode, Table table, IndexDefinition index,
            SelectExecutor.Page page, boolean consistent) {
        if (!Capacity.wanted(mode)) {
            return null;
        }
        double tableUnits = index == null || page.tableBytes() > 0
                ? PageReader.readUnits(page.tableBytes(), consistent) : 0.0;
        double indexUnits = index == null ? 0.0 : PageReader.readUnits(page.indexBytes(), consistent);
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("TableName", table.name());
        capacity.put("CapacityUnits", tableUnits + indexUnits);
        if (mode.equals("INDEXES")) {
            capacity.put("Table", Map.of("CapacityUnits", tableUnits));
            if (index != null) {
                capacity.put(index.global() ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes",
                        Map.of(index.name(), Map.of("CapacityUnits", indexUnits)));
            }
        }
        return capacity;
    }
}
