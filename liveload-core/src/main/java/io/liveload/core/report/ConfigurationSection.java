package io.liveload.core.report;

import io.liveload.core.RunResult;
import io.liveload.core.RunResult.ScenarioResult;
import io.liveload.core.plan.DurationFormat;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.plan.Scenario;
import io.liveload.core.plan.TimeSeriesOutput;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/**
 * The report's configuration section: the run options and each scenario's executor, schedule, tags and
 * environment with its iteration counts. Cookie values never appear, and other secrets are redacted as
 * {@link Redaction} decides.
 */
final class ConfigurationSection {

    private ConfigurationSection() {
    }

    static Element render(RunResult result) {
        Element section = new Element("section").attr("id", "configuration");
        section.appendElement("h2").text("Configuration");
        Element grid = section.appendElement("div").addClass("config");
        options(grid.appendElement("div"), result.plan().options());
        scenarios(grid.appendElement("div"), result);
        return section;
    }

    private static void options(Element parent, RunOptions options) {
        parent.appendElement("h3").text("Options");
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Test name", options.testName());
        rows.put("Base URL", options.baseUrl() == null ? "none" : Redaction.url(options.baseUrl().toString()));
        rows.put("Allowed hosts", options.allowedHosts().isEmpty() ? "any host"
                : options.allowedHosts().stream().sorted().collect(Collectors.joining(", ")));
        rows.put("TLS verification", options.insecureSkipTlsVerify() ? "skipped (insecureSkipTlsVerify)" : "on");
        rows.put("HTTP timeout", DurationFormat.format(options.httpTimeout()));
        rows.put("HTTP idle timeout", DurationFormat.format(options.httpIdleTimeout()));
        rows.put("Max redirects", String.valueOf(options.maxRedirects()));
        rows.put("User agent", options.userAgent() == null ? "none" : options.userAgent());
        rows.put("Cookies", options.cookies().isEmpty() ? "none"
                : new TreeMap<>(options.cookies()).keySet().stream().map(name -> name + "=" + Redaction.REDACTED)
                .collect(Collectors.joining(", ")));
        rows.put("Environment", pairs(options.env()));
        rows.put("Tags", pairs(options.tags()));
        rows.put("Summary trend stats", String.join(", ", options.summaryTrendStats()));
        rows.put("Output directory", options.outputDir() == null ? "none" : options.outputDir().toString());
        rows.put("Progress", options.progress().name().toLowerCase(Locale.ROOT));
        rows.put("Time series", timeSeries(options));
        Element body = parent.appendElement("div").addClass("table-wrap").appendElement("table").appendElement("tbody");
        rows.forEach((name, value) -> {
            Element row = body.appendElement("tr");
            row.appendElement("th").attr("scope", "row").text(name);
            row.appendElement("td").addClass("name").text(value);
        });
    }

    private static void scenarios(Element parent, RunResult result) {
        parent.appendElement("h3").text("Scenarios");
        Element table = HtmlElements.table(parent, new String[] {"Scenario", "Executor", "Iterations", "Tags, env"},
                new boolean[] {false, false, false, false});
        Element body = table.appendElement("tbody");
        Map<String, ScenarioResult> outcomes = new LinkedHashMap<>();
        result.scenarios().forEach(outcome -> outcomes.put(outcome.name(), outcome));
        for (Scenario scenario : result.plan().scenarios()) {
            Element row = body.appendElement("tr").attr("data-scenario", scenario.name());
            row.appendElement("td").appendElement("code").text(scenario.name());
            Element executor = row.appendElement("td");
            executor.appendElement("code").text(scenario.executor().k6Name());
            executor.appendElement("div").text(scenario.executor().describe());
            executor.appendElement("div").addClass("muted").text("start " + DurationFormat.format(scenario.startTime())
                    + ", gracefulStop " + DurationFormat.format(scenario.gracefulStop()));
            ScenarioResult outcome = outcomes.get(scenario.name());
            row.appendElement("td").text(outcome == null ? "not run"
                    : outcome.completeIterations() + " complete, " + outcome.interruptedIterations() + " interrupted, "
                    + outcome.droppedIterations() + " dropped; max " + outcome.maxVus() + " VUs");
            Element extras = row.appendElement("td").addClass("name");
            extras.appendElement("div").text("tags: " + pairs(scenario.tags()));
            extras.appendElement("div").text("env: " + pairs(scenario.env()));
        }
    }

    private static String timeSeries(RunOptions options) {
        TimeSeriesOutput output = options.timeSeries();
        String file = output.resolveFile(options.outputDir()).map(Object::toString).orElse("none");
        String logs = output.histogramLogs() ? ", HdrHistogram logs per trend metric" : "";
        if (output.format() == TimeSeriesOutput.Format.NONE) {
            return output.histogramLogs() ? "HdrHistogram logs per trend metric" : "none";
        }
        return output.format().name().toLowerCase(Locale.ROOT) + " to " + file + logs;
    }

    private static String pairs(Map<String, String> values) {
        if (values.isEmpty()) {
            return "none";
        }
        return new TreeMap<>(values).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + Redaction.value(entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
    }
}
