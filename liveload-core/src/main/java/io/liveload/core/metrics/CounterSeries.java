package io.liveload.core.metrics;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A counter series: a sum that only grows. */
public final class CounterSeries extends Series {

    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder additions = new LongAdder();
    private double sampledSum;
    private long sampledAdditions;

    CounterSeries(Metric metric, TagSet tags) {
        super(metric, tags);
    }

    /**
     * Adds a value.
     *
     * @throws IllegalArgumentException when the value is negative or not a number, because a counter only grows
     */
    public void add(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Counter " + this + " only takes finite values >= 0, got " + value);
        }
        sum.add(value);
        additions.increment();
    }

    /** Adds one. */
    public void increment() {
        sum.add(1);
        additions.increment();
    }

    @Override
    CounterValue sampleInterval() {
        double totalSum = sum.sum();
        long totalAdditions = additions.sum();
        CounterValue interval = new CounterValue(totalSum - sampledSum, totalAdditions - sampledAdditions);
        sampledSum = totalSum;
        sampledAdditions = totalAdditions;
        return interval;
    }

    @Override
    CounterValue total() {
        return new CounterValue(sampledSum, sampledAdditions);
    }
}
