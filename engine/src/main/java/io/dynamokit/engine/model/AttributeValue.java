package io.dynamokit.engine.model;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value, immutable. Numbers are kept in DynamoDB's canonical text (see {@link Numbers});
 * binaries compare by content. Sets keep the order in which their members arrived; members are unique.
 */
public sealed interface AttributeValue {

    /** DynamoDB's type descriptor: S, N, B, BOOL, NULL, L, M, SS, NS, BS. */
    String type();

    record S(String value) implements AttributeValue {
        public String type() {
            return "S";
        }
    }

    /** A number in canonical text form; {@link #decimal()} for arithmetic and comparison. */
    record N(String value) implements AttributeValue {
        public String type() {
            return "N";
        }

        public java.math.BigDecimal decimal() {
            return new java.math.BigDecimal(value);
        }
    }

    final class B implements AttributeValue {
        private final byte[] bytes;

        public B(byte[] bytes) {
            this.bytes = bytes;
        }

        public byte[] bytes() {
            return bytes;
        }

        public String type() {
            return "B";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof B other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "B[" + Base64.getEncoder().encodeToString(bytes) + "]";
        }
    }

    record BOOL(boolean value) implements AttributeValue {
        public String type() {
            return "BOOL";
        }
    }

    record NULL() implements AttributeValue {
        public String type() {
            return "NULL";
        }
    }

    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            values = Collections.unmodifiableList(values);
        }

        public String type() {
            return "L";
        }
    }

    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        public String type() {
            return "M";
        }
    }

    record SS(Set<String> values) implements AttributeValue {
        public SS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        public String type() {
            return "SS";
        }
    }

    /** Members in canonical number text; equal numbers written differently are one member. */
    record NS(Set<String> values) implements AttributeValue {
        public NS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        public String type() {
            return "NS";
        }
    }

    /** Members compare by content. */
    record BS(Set<B> values) implements AttributeValue {
        public BS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        public String type() {
            return "BS";
        }
    }

    static S s(String value) {
        return new S(value);
    }

    /** A number from any text DynamoDB accepts; validated and canonicalised. */
    static N n(String text) {
        return new N(Numbers.canonical(text));
    }

    static N n(java.math.BigDecimal value) {
        return new N(Numbers.canonical(value));
    }

    static B b(byte[] bytes) {
        return new B(bytes);
    }

    NULL NULL_VALUE = new NULL();
    BOOL TRUE = new BOOL(true);
    BOOL FALSE = new BOOL(false);
}
