package io.dynamokit.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What {@link EngineLoadTest}'s acknowledged operations imply about its table, and the item-by-item comparison with
 * what the table holds at the end. The table ({@code pk} S, {@code sk} N) holds:
 * <ul>
 * <li>partition {@code acct}: {@value #ACCOUNTS} accounts with a balance ({@code bal}), moved between them by
 * transactions; every acknowledged transfer changes two balances;</li>
 * <li>partition {@code ctr}: {@value #COUNTERS} versioned counters ({@code ver}), each conditional update moves one
 * from the version it read to the next: a counter's version is the number of acknowledged updates;</li>
 * <li>partition {@code t<caller>}: up to {@value #OWN_KEYS} items each caller alone puts ({@code seq}, its operation
 * number): each holds the caller's last acknowledged put;</li>
 * <li>partition {@code x<caller>}: one item per acknowledged transaction of the caller, written by the transaction
 * itself, so that a transaction applied in part shows.</li>
 * </ul>
 */
final class LoadTestModel {

    static final int ACCOUNTS = 32;
    static final int COUNTERS = 16;
    static final int OWN_KEYS = 200;
    static final long START_BALANCE = 1_000;

    final AtomicLongArray balanceDelta = new AtomicLongArray(ACCOUNTS);
    final AtomicLongArray counterVersions = new AtomicLongArray(COUNTERS);
    /** Per caller: the {@code seq} of its last acknowledged put of each own key, -1 for none. */
    final long[][] lastPut;
    /** Per caller: the numbers of its acknowledged transactions. */
    final BitSet[] transactions;

    LoadTestModel(int callers) {
        lastPut = new long[callers][OWN_KEYS];
        transactions = new BitSet[callers];
        for (int caller = 0; caller < callers; caller++) {
            Arrays.fill(lastPut[caller], -1);
            transactions[caller] = new BitSet();
        }
    }

    static String own(int caller) {
        return "t" + caller;
    }

    static String log(int caller) {
        return "x" + caller;
    }

    static Map<String, AttributeValue> key(String partition, long sortKey) {
        return Map.of("pk", AttributeValue.fromS(partition), "sk", AttributeValue.fromN(Long.toString(sortKey)));
    }

    /** Every item the model expects, by partition and sort key, with the number it expects in it. */
    Map<String, Map<Long, Long>> expected() {
        Map<String, Map<Long, Long>> expected = new HashMap<>();
        Map<Long, Long> accounts = new HashMap<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            accounts.put((long) a, START_BALANCE + balanceDelta.get(a));
        }
        expected.put("acct", accounts);
        Map<Long, Long> counters = new HashMap<>();
        for (int c = 0; c < COUNTERS; c++) {
            counters.put((long) c, counterVersions.get(c));
        }
        expected.put("ctr", counters);
        for (int caller = 0; caller < lastPut.length; caller++) {
            Map<Long, Long> own = new HashMap<>();
            for (int sk = 0; sk < OWN_KEYS; sk++) {
                if (lastPut[caller][sk] >= 0) {
                    own.put((long) sk, lastPut[caller][sk]);
                }
            }
            expected.put(own(caller), own);
            Map<Long, Long> log = new HashMap<>();
            transactions[caller].stream().forEach(tx -> log.put((long) tx, (long) tx));
            expected.put(log(caller), log);
        }
        return expected;
    }

    /** The number an item of a partition carries for the model. */
    static Long number(String partition, Map<String, AttributeValue> item) {
        String attribute = switch (partition.charAt(0)) {
            case 'a' -> "bal";
            case 'c' -> "ver";
            case 't' -> "seq";
            default -> "tx";
        };
        AttributeValue value = item.get(attribute);
        return value == null || value.n() == null ? null : Long.valueOf(value.n());
    }

    /**
     * Compares the table's items with the model, item by item.
     *
     * @return one line per difference (empty when they agree)
     */
    List<String> differences(Iterable<Map<String, AttributeValue>> items) {
        Map<String, Map<Long, Long>> expected = expected();
        List<String> differences = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            String partition = item.get("pk").s();
            long sortKey = Long.parseLong(item.get("sk").n());
            Map<Long, Long> expectedPartition = expected.get(partition);
            if (expectedPartition == null || !expectedPartition.containsKey(sortKey)) {
                differences.add(partition + "/" + sortKey + ": present, not written by an acknowledged operation");
                continue;
            }
            Long want = expectedPartition.remove(sortKey);
            Long got = number(partition, item);
            if (!want.equals(got)) {
                differences.add(partition + "/" + sortKey + ": holds " + got + ", acknowledged operations imply "
                        + want);
            }
        }
        expected.forEach((partition, missing) -> missing.forEach((sortKey, want) -> differences.add(partition + "/"
                + sortKey + ": missing, acknowledged operations imply " + want)));
        return differences;
    }
}
