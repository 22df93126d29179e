package io.liveload.core.liveview;

import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.CounterSeries;
import io.liveload.core.metrics.MetricRegistry;
import io.liveload.core.metrics.RateSeries;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendSeries;

/**
 * The {@code lv_*} series of one page, tagged with the VU's tags when the page was opened and {@code view}:
 * the name set on open, else the page's path. The series the network threads record into are looked up once
 * here, so recording a frame takes no map lookup.
 */
final class ViewMetrics {

    private final MetricRegistry registry;
    private final TagSet tags;
    final TrendSeries joinDuration;
    final RateSeries joinsFailed;
    final TrendSeries diffBytes;
    final CounterSeries serverPushes;
    final CounterSeries rejoins;

    ViewMetrics(MetricRegistry registry, TagSet vuTags, String view) {
        this.registry = registry;
        this.tags = vuTags.with("view", view);
        joinDuration = registry.trend(BuiltinMetrics.LV_JOIN_DURATION, tags);
        joinsFailed = registry.rate(BuiltinMetrics.LV_JOINS_FAILED, tags);
        diffBytes = registry.trend(BuiltinMetrics.LV_DIFF_BYTES, tags);
        serverPushes = registry.counter(BuiltinMetrics.LV_SERVER_PUSHES, tags);
        rejoins = registry.counter(BuiltinMetrics.LV_REJOINS, tags);
    }

    /** Returns the tags of the page's series, for samples recorded with other VU tags. */
    String view() {
        return tags.get("view");
    }

    /** Records a failed join in the series of its reason. */
    void joinFailed(String reason) {
        registry.rate(BuiltinMetrics.LV_JOINS_FAILED, tags.with("reason", reason)).add(true);
    }

    /** Records a live patch or navigation, from its request to its rendered result. */
    void navigation(String kind, long elapsedNanos) {
        registry.trend(BuiltinMetrics.LV_NAVIGATION_DURATION, tags.with("kind", kind)).recordNanos(elapsedNanos);
    }

    /** Records an event's round trip; the tags are the VU's current ones, because events run on the VU thread. */
    void event(TagSet vuTags, String event, long elapsedNanos) {
        registry.trend(BuiltinMetrics.LV_EVENT_DURATION, vuTags.with("view", view()).with("event", event))
                .recordNanos(elapsedNanos);
    }
}
