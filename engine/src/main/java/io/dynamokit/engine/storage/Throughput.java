package io.dynamokit.engine.storage;

import java.time.Instant;

/** Provisioned throughput as DescribeTable reports it; zero units for PAY_PER_REQUEST tables. */
public record Throughput(long readCapacityUnits, long writeCapacityUnits, Instant lastIncrease, Instant lastDecrease,
        long decreasesToday) {

    public static final Throughput ON_DEMAND = new Throughput(0, 0, null, null, 0);

    public static Throughput of(long read, long write) {
        return new Throughput(read, write, null, null, 0);
    }

    /** New units, with the time of the change recorded as an increase or a decrease. */
    public Throughput changedTo(long read, long write, Instant now) {
        boolean increase = read > readCapacityUnits || write > writeCapacityUnits;
        boolean decrease = read < readCapacityUnits || write < writeCapacityUnits;
        return new Throughput(read, write, increase ? now : lastIncrease, decrease ? now : lastDecrease,
                decrease ? decreasesToday + 1 : decreasesToday);
    }
}
