package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.model.DynamoException.CancellationReason;
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
 * TransactWriteItems: up to 100 actions on distinct items, all applied or none. Everything the request alone shows
 * is checked first (members, then each action's values and expressions in request order); then, under the write
 * lock, the tables, the targets and every action's condition are evaluated against the stored items, and only if
 * none fails are all the changes recorded in that one write, so no reader sees part of it. A failed condition or
 * an invalid action cancels the whole transaction with one reason per action, in request order.
 * <p>
 * A ClientRequestToken makes the request idempotent for 10 minutes: the same request again answers success without
 * being applied again, with the read capacity of reading its items as DynamoDB answers a repeat (not the write
 * capacity of making the changes); another request with that token is refused. A token keeps only a digest of its
 * request, so the window holds the token and 32 bytes per transaction, not the items it wrote.
 */
final class TransactWriteItems implements Operation {
    static final int MAX_ACTIONS = 100;
    static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;

    private final Storage storage;
    /** Tokens of applied transactions with their requests' digests; guarded by the storage write lock. */
    private final IdempotencyTokens<Object> tokens = new IdempotencyTokens<>();

    TransactWriteItems(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        String token = request.string("ClientRequestToken");
        String capacityMode = request.string("ReturnConsumedCapacity");
        String metricsMode = request.string("ReturnItemCollectionMetrics");
        List<Object> transactItems = request.list("TransactItems");
        Constraints c = new Constraints();
        if (token != null) {
            c.length("clientRequestToken", token, token.length(), 1, 36);
        }
        c.oneOf("returnConsumedCapacity", capacityMode, "INDEXES", "TOTAL", "NONE");
        c.oneOf("returnItemCollectionMetrics", metricsMode, "SIZE", "NONE");
        Transactions.checkActions(c, transactItems, "TransactWriteItem", TransactWriteAction.KINDS, MAX_ACTIONS);
        if (transactItems != null && transactItems.size() <= MAX_ACTIONS) {
            for (int i = 0; i < transactItems.size(); i++) {
                Map<String, Object> transactItem = Nodes.struct(transactItems.get(i));
                if (transactItem != null) {
                    TransactWriteAction.checkMembers(c, "transactItems." + (i + 1) + ".member", transactItem);
                }
            }
        }
        c.check();

        List<TransactWriteAction> actions = new ArrayList<>();
        for (Object node : transactItems) {
            Map<String, Object> transactItem = Nodes.struct(node);
            actions.add(TransactWriteAction.read(request, transactItem == null ? Map.of() : transactItem));
        }
        // a digest, only with a token: the token keeps it for 10 minutes, and the request itself is kilobytes
        Object fingerprint = token == null ? null
                : RequestDigest.of(List.of(transactItems, String.valueOf(metricsMode)));

        CapacityTally capacity = CapacityTally.transactional(capacityMode, "WriteCapacityUnits");
        List<Table> written = new ArrayList<>();
        List<Map<String, AttributeValue>> writtenItems = new ArrayList<>();
        CapacityTally consumed = storage.write(mutation -> {
            Instant now = storage.now();
            if (token != null) {
                Object applied = tokens.find(token, now);
                if (applied != null) {
                    if (!applied.equals(fingerprint)) {
                        throw DynamoException.idempotentParameterMismatch("Request parameters do not match the "
                                + "parameters of the previous request with the same client request token");
                    }
                    List<Transactions.Read> reads = new ArrayList<>();
                    actions.forEach(action -> reads.add(new Transactions.Read(action.tableName(), action.target())));
                    return Transactions.repeatCapacity(storage, capacityMode, reads);
                }
            }
            List<Table> tables = new ArrayList<>();
            for (TransactWriteAction action : actions) {
                tables.add(storage.itemTable(action.tableName()));
            }
            Transactions.Targets targets = new Transactions.Targets();
            long bytes = 0;
            for (int i = 0; i < actions.size(); i++) {
                BatchKeys.checkNotEmpty(tables.get(i).keySchema(), actions.get(i).target());
                targets.add(tables.get(i), actions.get(i).target());
                bytes += actions.get(i).size();
            }
            if (bytes > MAX_TRANSACTION_BYTES) {
                throw DynamoException.validation("Collection size of items exceeded, which can also be caused by the "
                        + "aggregate size of the items in the transaction exceeding the 4MB limit");
            }
            List<TransactWriteAction.Outcome> outcomes = new ArrayList<>();
            boolean cancelled = false;
            for (int i = 0; i < actions.size(); i++) {
                TransactWriteAction.Outcome outcome = actions.get(i).evaluate(tables.get(i));
                outcomes.add(outcome);
                cancelled |= outcome.failed();
            }
            if (cancelled) {
                List<CancellationReason> reasons = new ArrayList<>();
                outcomes.forEach(outcome -> reasons.add(outcome.reason()));
                throw Transactions.cancelled(reasons);
            }
            for (int i = 0; i < actions.size(); i++) {
                Table table = tables.get(i);
                TransactWriteAction.Outcome outcome = outcomes.get(i);
                if (outcome.written() != null) {
                    mutation.put(table, outcome.written());
                } else if (outcome.deletes()) {
                    mutation.delete(table, actions.get(i).target());
                }
                capacity.write(table, outcome.old(), outcome.written());
                written.add(table);
                writtenItems.add(outcome.written() != null ? outcome.written() : actions.get(i).target());
            }
            if (token != null) {
                tokens.record(token, fingerprint, now);
            }
            return capacity;
        });

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ConsumedCapacity", consumed.answer());
        if ("SIZE".equals(metricsMode) && !written.isEmpty()) {
            answer.put("ItemCollectionMetrics", storage.read(() -> collectionMetrics(request, written, writtenItems)));
        }
        return answer;
    }

    private static Map<String, Object> collectionMetrics(Request request, List<Table> tables,
            List<Map<String, AttributeValue>> items) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            Map<String, Object> one = ItemRequests.collectionMetrics(request, tables.get(i), items.get(i));
            if (one != null) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) metrics.computeIfAbsent(tables.get(i).name(),
                        name -> new ArrayList<>());
                if (!list.contains(one)) {
                    list.add(one);
                }
            }
        }
        return metrics;
    }
}
