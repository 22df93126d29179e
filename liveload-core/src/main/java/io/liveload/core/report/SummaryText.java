package io.liveload.core.report;

import io.liveload.core.RunResult;
import io.liveload.core.RunResult.Abort;
import io.liveload.core.RunResult.ScenarioResult;
import io.liveload.core.engine.ErrorLog.ErrorCount;
import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.GaugeValue;
import io.liveload.core.metrics.Metric;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.plan.DurationFormat;
import io.liveload.core.plan.Scenario;
import io.liveload.core.report.SummaryModel.MetricEntry;
import io.liveload.core.threshold.Threshold;
import io.liveload.core.threshold.ThresholdResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a run as the end-of-test summary that k6 prints, for the console and a test report's output. The text
 * starts with a header (test name, verdict, duration, iterations, scenarios). The THRESHOLDS, the CHECKS per group
 * and the METRICS in k6's layout follow, then the most frequent errors and the abort reason.
 *
 * <p>The text contains only ASCII characters apart from the pass and fail marks ({@code ✓} and {@code ✗}) and any
 * non-ASCII characters in names and messages from the script. With {@link Marks#ASCII} the marks are {@code ok}
 * and {@code FAIL}, and every other non-ASCII character becomes {@code ?}, for consoles that cannot print UTF-8.
 * Columns are aligned by counting characters, so they line up in any monospaced font.
 */
public final class SummaryText {

    /** The most frequent errors listed; the rest are counted in one line. */
    public static final int MAX_ERROR_LINES = 10;

    private static final String SECTION_INDENT = "  ";
    private static final String INDENT = "    ";
    private static final String NESTED_INDENT = "  ";
    private static final int DOTS_AFTER_NAME = 3;

    /** The marks in front of passed and failed thresholds and checks. */
    public enum Marks {
        /** {@code ✓} and {@code ✗}, as k6 prints them, also before the true and false counts of rate metrics. */
        UNICODE("✓", "✗", "✓", "✗"),
        /**
         * {@code ok} and {@code FAIL}, for consoles without UTF-8, and {@code true} and {@code false} before the
         * counts of rate metrics, where {@code FAIL 122} would misread {@code http_req_failed}. Other non-ASCII
         * characters become {@code ?}.
         */
        ASCII("ok", "FAIL", "true", "false");

        private final String pass;
        private final String fail;
        private final String rateTrue;
        private final String rateFalse;

        Marks(String pass, String fail, String rateTrue, String rateFalse) {
            this.pass = pass;
            this.fail = fail;
            this.rateTrue = rateTrue;
            this.rateFalse = rateFalse;
        }

        /** Returns the mark of a passed threshold or check. */
        public String pass() {
            return pass;
        }

        /** Returns the mark of a failed threshold or check. */
        public String fail() {
            return fail;
        }

        String of(boolean passed) {
            return pad(passed ? pass : fail, Math.max(width(pass), width(fail)));
        }
    }

    private final SummaryModel model;
    private final Marks marks;
    private final List<String> lines = new ArrayList<>();

    private SummaryText(SummaryModel model, Marks marks) {
        this.model = model;
        this.marks = marks;
    }

    /** Renders the summary with the {@code ✓} and {@code ✗} marks. */
    public static String render(RunResult result) {
        return render(result, Marks.UNICODE);
    }

    /** Renders the summary with the given marks. Lines end with {@code \n}. */
    public static String render(RunResult result, Marks marks) {
        SummaryText text = new SummaryText(SummaryModel.of(result), Objects.requireNonNull(marks, "marks"));
        return text.render();
    }

    private String render() {
        lines.add("");
        header();
        thresholds();
        checks();
        metrics();
        errors();
        abort();
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.stripTrailing()).append('\n');
        }
        return marks == Marks.ASCII ? toAscii(text.toString()) : text.toString();
    }

    private void header() {
        RunResult result = model.result();
        lines.add(SECTION_INDENT + SummaryFormat.singleLine(result.testName()) + ": " + verdict(result));
        long complete = 0;
        long interrupted = 0;
        long dropped = 0;
        for (ScenarioResult scenario : result.scenarios()) {
            complete += scenario.completeIterations();
            interrupted += scenario.interruptedIterations();
            dropped += scenario.droppedIterations();
        }
        lines.add(SECTION_INDENT + "duration " + SummaryFormat.millis(model.durationMillis()) + ", " + complete
                + " complete, " + interrupted + " interrupted and " + dropped + " dropped iterations");
        if (result.plan().options().hasWarmup()) {
            lines.add(SECTION_INDENT + "after a warm-up of " + DurationFormat.format(result.plan().options().warmup())
                    + ", whose samples, checks and errors are not counted here");
        }
        lines.add(SECTION_INDENT + "scenarios:");
        Map<String, Scenario> planned = new LinkedHashMap<>();
        result.plan().scenarios().forEach(scenario -> planned.put(scenario.name(), scenario));
        for (ScenarioResult scenario : result.scenarios()) {
            Scenario plan = planned.get(scenario.name());
            String executor = SummaryFormat.singleLine(scenario.executor());
            if (plan != null) {
                executor = withOption(executor, "gracefulStop: " + DurationFormat.format(plan.gracefulStop()));
            }
            lines.add(INDENT + "* " + SummaryFormat.singleLine(scenario.name()) + ": " + executor + "; "
                    + scenario.completeIterations() + " complete, " + scenario.interruptedIterations()
                    + " interrupted, " + scenario.droppedIterations() + " dropped iterations, max "
                    + scenario.maxVus() + " VUs");
        }
    }

    /** Appends an option to the description's closing bracket, as k6 prints {@code (gracefulRampDown: 30s, gracefulStop: 30s)}. */
    private static String withOption(String description, String option) {
        if (description.endsWith(")")) {
            return description.substring(0, description.length() - 1) + ", " + option + ")";
        }
        return description + " (" + option + ")";
    }

    private static String verdict(RunResult result) {
        int failed = result.failedThresholds().size();
        String thresholds = failed == 0 ? "" : ", " + failed + " of " + result.thresholds().size()
                + " thresholds failed";
        if (result.abort().isPresent()) {
            return "ABORTED" + thresholds;
        }
        return failed == 0 ? "passed" : "FAILED" + thresholds;
    }

    private void thresholds() {
        List<ThresholdResult> verdicts = model.result().thresholds();
        if (verdicts.isEmpty()) {
            return;
        }
        section("THRESHOLDS");
        Map<String, List<ThresholdResult>> bySelector = new LinkedHashMap<>();
        for (ThresholdResult verdict : verdicts) {
            bySelector.computeIfAbsent(verdict.threshold().metricSelector(), key -> new ArrayList<>()).add(verdict);
        }
        boolean first = true;
        for (Map.Entry<String, List<ThresholdResult>> selector : bySelector.entrySet()) {
            if (!first) {
                lines.add("");
            }
            first = false;
            lines.add(INDENT + SummaryFormat.singleLine(selector.getKey()));
            for (ThresholdResult verdict : selector.getValue()) {
                Threshold threshold = verdict.threshold();
                String observed = SummaryFormat.observed(verdict, model.definition(threshold.metricName()));
                if (!verdict.noSamples()) {
                    observed = aggregationLabel(threshold) + "=" + observed;
                }
                lines.add(INDENT + marks.of(verdict.passed()) + " '" + threshold.condition() + "' " + observed
                        + (threshold.abortOnFail() ? " (abortOnFail)" : ""));
            }
        }
    }

    /** Returns the aggregation as written in the condition without spaces: {@code p(95)}, {@code rate}. */
    static String aggregationLabel(Threshold threshold) {
        String condition = threshold.condition();
        int end = 0;
        while (end < condition.length() && "<>=!".indexOf(condition.charAt(end)) < 0) {
            end++;
        }
        return condition.substring(0, end).replace(" ", "");
    }

    private void checks() {
        CheckGroup root = model.rootGroup();
        if (root.hasNoChecks()) {
            return;
        }
        section("CHECKS");
        List<CheckRow> rows = new ArrayList<>();
        collectCheckRows(root, INDENT, rows);
        int nameWidth = 0;
        int passWidth = 0;
        int failWidth = 0;
        for (CheckRow row : rows) {
            if (row.check != null) {
                nameWidth = Math.max(nameWidth, width(row.label));
                passWidth = Math.max(passWidth, String.valueOf(row.check.passes()).length());
                failWidth = Math.max(failWidth, String.valueOf(row.check.fails()).length());
            }
        }
        for (CheckRow row : rows) {
            if (row.check == null) {
                lines.add(row.label);
                continue;
            }
            CheckGroup.Check check = row.check;
            lines.add(dotted(row.label, nameWidth) + " " + padLeft(String.valueOf(check.passes()), passWidth)
                    + " passed  " + padLeft(String.valueOf(check.fails()), failWidth) + " failed  "
                    + padLeft(SummaryFormat.percent(check.passRate()), 7));
        }
    }

    /** A line of the checks section: a group heading (no check) or a check. */
    private record CheckRow(String label, CheckGroup.Check check) {
    }

    private void collectCheckRows(CheckGroup group, String indent, List<CheckRow> rows) {
        for (CheckGroup.Check check : group.checks()) {
            rows.add(new CheckRow(indent + marks.of(check.fails() == 0) + " " + SummaryFormat.singleLine(check.name()),
                    check));
        }
        for (CheckGroup nested : group.groups()) {
            if (nested.hasNoChecks()) {
                continue;
            }
            if (!rows.isEmpty()) {
                rows.add(new CheckRow("", null));
            }
            rows.add(new CheckRow(indent + "group " + SummaryFormat.singleLine(nested.name()), null));
            collectCheckRows(nested, indent + NESTED_INDENT, rows);
        }
    }

    private void metrics() {
        List<MetricEntry> entries = model.metrics();
        if (entries.isEmpty()) {
            return;
        }
        section("METRICS");
        Map<Category, List<MetricRow>> byCategory = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            byCategory.put(category, new ArrayList<>());
        }
        for (MetricEntry entry : entries) {
            byCategory.get(Category.of(entry.metric())).add(row(entry));
        }

        List<MetricRow> all = byCategory.values().stream().flatMap(List::stream).toList();
        int nameWidth = all.stream().mapToInt(row -> width(row.label)).max().orElse(0);
        int[] trendWidths = columnWidths(all, true);
        int[] otherWidths = columnWidths(all, false);

        boolean first = true;
        for (Map.Entry<Category, List<MetricRow>> category : byCategory.entrySet()) {
            if (category.getValue().isEmpty()) {
                continue;
            }
            if (!first) {
                lines.add("");
            }
            first = false;
            lines.add(INDENT + category.getKey().name());
            for (MetricRow row : category.getValue()) {
                lines.add(metricLine(row, nameWidth, row.trend ? trendWidths : otherWidths));
            }
        }
    }

    private static String metricLine(MetricRow row, int nameWidth, int[] columnWidths) {
        StringBuilder line = new StringBuilder(dotted(row.label, nameWidth));
        for (int i = 0; i < row.cells.size(); i++) {
            line.append(' ').append(pad(row.cells.get(i), columnWidths[i]));
        }
        return line.toString();
    }

    /** The sections of the metrics list, in k6's order, with liveload's websocket and LiveView sections added. */
    private enum Category {
        CUSTOM, HTTP, WEBSOCKET, LIVEVIEW, EXECUTION, NETWORK;

        static Category of(Metric metric) {
            if (!BuiltinMetrics.all().contains(metric)) {
                return CUSTOM;
            }
            String name = metric.name();
            if (name.startsWith("http_")) {
                return HTTP;
            }
            if (name.startsWith("ws_")) {
                return WEBSOCKET;
            }
            if (name.startsWith("lv_")) {
                return LIVEVIEW;
            }
            if (name.startsWith("data_")) {
                return NETWORK;
            }
            return EXECUTION;
        }
    }

    /**
     * A line of the metrics section: the indented name and the value cells. Rows without samples have one cell
     * that takes no part in the column widths.
     */
    private record MetricRow(String label, List<String> cells, boolean trend, boolean hasSamples) {
    }

    private MetricRow row(MetricEntry entry) {
        String label = entry.isSubMetric()
                ? INDENT + NESTED_INDENT + "{ " + subMetricTags(entry.key()) + " }"
                : INDENT + entry.key();
        label = SummaryFormat.singleLine(label);
        if (!entry.hasSamples()) {
            return new MetricRow(label, List.of("no samples"), false, false);
        }
        return new MetricRow(label, cells(entry.metric(), entry.value()), entry.value() instanceof TrendValue, true);
    }

    private static String subMetricTags(String key) {
        int open = key.indexOf('{');
        int close = key.lastIndexOf('}');
        return open >= 0 && close > open ? key.substring(open + 1, close).trim() : key;
    }

    private List<String> cells(Metric metric, Aggregate value) {
        List<String> cells = new ArrayList<>();
        if (value instanceof TrendValue trend) {
            for (String stat : model.trendStats()) {
                double statValue = TrendStats.value(trend, stat);
                String text = stat.equals("count") ? SummaryFormat.count(statValue)
                        : SummaryFormat.value(metric, statValue);
                cells.add(stat + "=" + text);
            }
        } else if (value instanceof CounterValue counter) {
            cells.add(SummaryFormat.value(metric, counter.sum()));
            cells.add(SummaryFormat.perSecond(metric, counter.ratePerSecond(model.durationMillis())));
        } else if (value instanceof RateValue rate) {
            cells.add(SummaryFormat.percent(rate.rate()));
            cells.add(marks.rateTrue + " " + rate.passes());
            cells.add(marks.rateFalse + " " + rate.fails());
        } else if (value instanceof GaugeValue gauge) {
            cells.add(SummaryFormat.value(metric, gauge.value()));
            cells.add("min=" + SummaryFormat.value(metric, gauge.min()));
            cells.add("max=" + SummaryFormat.value(metric, gauge.max()));
        }
        return cells;
    }

    private static int[] columnWidths(List<MetricRow> rows, boolean trend) {
        int columns = rows.stream().filter(row -> row.trend == trend).mapToInt(row -> row.cells.size()).max().orElse(0);
        int[] widths = new int[columns];
        for (MetricRow row : rows) {
            if (row.trend != trend || !row.hasSamples) {
                continue;
            }
            for (int i = 0; i < row.cells.size(); i++) {
                widths[i] = Math.max(widths[i], width(row.cells.get(i)));
            }
        }
        return widths;
    }

    private void errors() {
        List<ErrorCount> errors = model.result().errors();
        if (errors.isEmpty()) {
            return;
        }
        long total = errors.stream().mapToLong(ErrorCount::count).sum();
        section("ERRORS (" + errors.size() + (errors.size() == 1 ? " kind, " : " kinds, ") + total + " in total)");
        List<ErrorCount> listed = errors.subList(0, Math.min(MAX_ERROR_LINES, errors.size()));
        int countWidth = listed.stream().mapToInt(error -> String.valueOf(error.count()).length()).max().orElse(1);
        for (ErrorCount error : listed) {
            String code = error.code() == null || error.code().isBlank() || error.code().equals("-")
                    ? "" : " " + error.code();
            lines.add(INDENT + padLeft(String.valueOf(error.count()), countWidth) + "  "
                    + SummaryFormat.singleLine(error.category() + code + ": "
                    + Redaction.url(Redaction.message(error.message()))));
        }
        if (errors.size() > listed.size()) {
            List<ErrorCount> rest = errors.subList(listed.size(), errors.size());
            long restTotal = rest.stream().mapToLong(ErrorCount::count).sum();
            String errorWord = restTotal == 1 ? " error)" : " errors)";
            lines.add(INDENT + "and " + rest.size() + " more (" + restTotal + errorWord);
        }
    }

    private void abort() {
        if (model.result().abort().isEmpty()) {
            return;
        }
        Abort abort = model.result().abort().get();
        lines.add("");
        lines.add(SECTION_INDENT + "ABORTED after " + SummaryFormat.millis(abort.afterMillis()) + ": "
                + SummaryFormat.singleLine(abort.reason()));
    }

    private void section(String title) {
        lines.add("");
        lines.add(SECTION_INDENT + title);
        lines.add("");
    }

    /** Returns the label followed by dots up to {@code width} plus three, and a colon. */
    private static String dotted(String label, int width) {
        return label + ".".repeat(width - width(label) + DOTS_AFTER_NAME) + ":";
    }

    static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    static String pad(String text, int width) {
        int missing = width - width(text);
        return missing <= 0 ? text : text + " ".repeat(missing);
    }

    static String padLeft(String text, int width) {
        int missing = width - width(text);
        return missing <= 0 ? text : " ".repeat(missing) + text;
    }

    private static String toAscii(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> ascii.append(codePoint < 128 ? (char) codePoint : '?'));
        return ascii.toString();
    }
}
