package io.liveload.core.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A rate series: counts of true (non-zero) and false (zero) values. */
public final class RateSeries extends Series {

    private final LongAdder passes = new LongAdder();
    private final LongAdder total = new LongAdder();
    private long sampledPasses;
    private long sampledTotal;

    RateSeries(Metric metric, TagSet tags) {
        super(metric, tags);
    }

    /** Adds one outcome. */
    public void add(boolean passed) {
        if (passed) {
            passes.increment();
        }
        total.increment();
    }

    @Override
    RateValue sampleInterval() {
        long totalPasses = passes.sum();
        long totalCount = total.sum();
        if (totalCount - totalPasses < sampledTotal - sampledPasses) {
            // A pass can be counted between the two sums; count it in the next interval instead.
            totalPasses = totalCount - (sampledTotal - sampledPasses);
        }
        RateValue interval = new RateValue(totalPasses - sampledPasses,
                (totalCount - totalPasses) - (sampledTotal - sampledPasses));
        sampledPasses = totalPasses;
        sampledTotal = totalCount;
        return interval;
    }

    @Override
    RateValue total() {
        return new RateValue(sampledPasses, sampledTotal - sampledPasses);
    }
}
