package io.dynamokit.engine.storage;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.KeyOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The position of an item (or an index entry's index part) in its table's ordered map: the partition's hash token
 * (first 8 bytes of the MD5 of the partition key's bytes, compared unsigned: Scan walks partitions in this order and
 * parallel scan segments are token ranges), then the partition key, then the sort key in DynamoDB's key order.
 * <p>
 * Bounds for sub-maps: {@link #tokenStart(long)} sorts before every key with that token, {@link #partitionStart} and
 * {@link #partitionEnd} before and after every key of one partition.
 */
public record ItemKey(long token, AttributeValue hash, AttributeValue range, int edge) implements Comparable<ItemKey> {

    /** The key of an item: its partition key and its sort key (null for a table without one). */
    public static ItemKey of(AttributeValue hash, AttributeValue range) {
        return new ItemKey(token(hash), hash, range, 0);
    }

    public static ItemKey tokenStart(long token) {
        return new ItemKey(token, null, null, -1);
    }

    public static ItemKey partitionStart(AttributeValue hash) {
        return new ItemKey(token(hash), hash, null, -1);
    }

    public static ItemKey partitionEnd(AttributeValue hash) {
        return new ItemKey(token(hash), hash, null, 1);
    }

    @Override
    public int compareTo(ItemKey other) {
        int c = Long.compareUnsigned(token, other.token);
        if (c != 0) {
            return c;
        }
        if (hash == null || other.hash == null) {
            if (hash == null && other.hash == null) {
                return Integer.compare(edge, other.edge);
            }
            return hash == null ? -1 : 1;
        }
        c = KeyOrder.INSTANCE.compare(hash, other.hash);
        if (c != 0) {
            return c;
        }
        if (edge != 0 || other.edge != 0) {
            return Integer.compare(edge, other.edge);
        }
        if (range == null || other.range == null) {
            return range == null ? (other.range == null ? 0 : -1) : 1;
        }
        return KeyOrder.INSTANCE.compare(range, other.range);
    }

    /**
     * The partition token of a partition key value. A write computes the key of each of its items several times
     * (checks, the pending changes, the table's map): the last tokens of each thread are remembered by the identity
     * of their (immutable) values, so that the MD5 is computed once per value.
     */
    public static long token(AttributeValue hash) {
        TokenCache cache = TOKENS.get();
        int slot = System.identityHashCode(hash) & (TokenCache.SLOTS - 1);
        if (cache.values[slot] == hash) {
            return cache.tokens[slot];
        }
        long token = md5Token(hash);
        cache.values[slot] = hash;
        cache.tokens[slot] = token;
        return token;
    }

    /** A small direct-mapped memory of tokens, one per thread: it holds at most {@link #SLOTS} values. */
    private static final class TokenCache {
        static final int SLOTS = 64;
        final AttributeValue[] values = new AttributeValue[SLOTS];
        final long[] tokens = new long[SLOTS];
    }

    private static final ThreadLocal<TokenCache> TOKENS = ThreadLocal.withInitial(TokenCache::new);

    private static long md5Token(AttributeValue hash) {
        byte[] bytes;
        if (hash instanceof AttributeValue.S s) {
            bytes = s.value().getBytes(StandardCharsets.UTF_8);
        } else if (hash instanceof AttributeValue.N n) {
            bytes = n.value().getBytes(StandardCharsets.US_ASCII);
        } else if (hash instanceof AttributeValue.B b) {
            bytes = b.bytes();
        } else {
            throw new IllegalArgumentException("not a key value: " + hash);
        }
        byte[] digest = md5().digest(bytes);
        long token = 0;
        for (int i = 0; i < 8; i++) {
            token = (token << 8) | (digest[i] & 0xff);
        }
        return token;
    }

    /** The first token of segment {@code segment} of {@code total} equal token ranges (as unsigned longs). */
    public static long segmentStart(int segment, int total) {
        if (segment == 0) {
            return 0;
        }
        return java.math.BigInteger.ONE.shiftLeft(64).multiply(java.math.BigInteger.valueOf(segment))
                .divide(java.math.BigInteger.valueOf(total)).longValue();
    }

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JDK", e);
        }
    });

    private static MessageDigest md5() {
        MessageDigest digest = MD5.get();
        digest.reset();
        return digest;
    }
}
