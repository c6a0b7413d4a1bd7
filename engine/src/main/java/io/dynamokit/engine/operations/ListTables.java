package io.dynamokit.engine.operations;

import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ListTables: names in order, pages of Limit (1 to 100) after ExclusiveStartTableName. */
final class ListTables implements Operation {
    private final Storage storage;

    ListTables(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String start = request.string("ExclusiveStartTableName");
        Long limit = request.integer("Limit");
        new Constraints().name("exclusiveStartTableName", start)
                .atLeast("limit", limit, 1).atMost("limit", limit, 100).check();
        int max = limit == null ? 100 : limit.intValue();
        List<String> names = new ArrayList<>();
        boolean more = false;
        for (String name : storage.tableNames()) {
            if (start != null && name.compareTo(start) <= 0) {
                continue;
            }
            if (names.size() == max) {
                more = true;
                break;
            }
            names.add(name);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("TableNames", names);
        if (more) {
            answer.put("LastEvaluatedTableName", names.get(names.size() - 1));
        }
        return answer;
    }
}
