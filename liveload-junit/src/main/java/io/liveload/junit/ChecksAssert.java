package io.liveload.junit;

import io.liveload.core.RunResult;
import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TagSet;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the checks of a run, all of them or one by name. */
public final class ChecksAssert extends AbstractAssert<ChecksAssert, RunResult> {

    private final String checkName;

    ChecksAssert(RunResult actual, String checkName) {
        super(actual, ChecksAssert.class);
        this.checkName = checkName;
    }

    /** Returns assertions on one check, by the name given to {@code vu.check}. */
    public ChecksAssert check(String name) {
        return new ChecksAssert(actual, name);
    }

    /** Returns assertions on the fraction of passed checks, in [0, 1]. */
    public MetricValueAssert passRate() {
        RateValue rate = rate();
        return new MetricValueAssert("rate", selector(), rate.rate(), rate.sampleCount(),
                io.liveload.core.metrics.ValueType.DEFAULT);
    }

    /** Verifies that every check passed. */
    public ChecksAssert allPassed() {
        RateValue rate = rate();
        if (rate.fails() > 0) {
            failWithMessage("Expected every check of %s to pass, but %d of %d failed", selector(), rate.fails(),
                    rate.sampleCount());
        }
        return this;
    }

    private RateValue rate() {
        isNotNull();
        TagSet filter = checkName == null ? TagSet.EMPTY : TagSet.of("check", checkName);
        Optional<Aggregate> values = actual.metrics().aggregate("checks", filter);
        if (values.isEmpty() || values.get().sampleCount() == 0) {
            failWithMessage("Expected %s in %s to have samples, but it has no samples", selector(), actual.testName());
        }
        return (RateValue) values.orElseThrow();
    }

    private String selector() {
        return checkName == null ? "checks" : "checks{check:" + checkName + "}";
    }
}
