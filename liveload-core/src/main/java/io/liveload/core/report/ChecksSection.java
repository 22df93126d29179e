package io.liveload.core.report;

import static io.liveload.core.report.HtmlElements.count;
import static io.liveload.core.report.HtmlElements.raw;

import io.liveload.core.metrics.RateValue;
import org.jsoup.nodes.Element;

/** The report's table of checks: one row per check, under a heading row per group, failed checks marked. */
final class ChecksSection {

    private ChecksSection() {
    }

    /**
     * Appends the section to the page, or nothing without checks.
     *
     * @param total the {@code checks} rate over all series, for the heading's count
     */
    static void render(Element main, CheckGroup root, RateValue total) {
        if (root.hasNoChecks()) {
            return;
        }
        Element section = HtmlElements.section(main, "checks", "Checks", count(total.fails()) + " failed of "
                + count(total.sampleCount()));
        Element table = HtmlElements.table(section, new String[] {"Check", "Passed", "Failed", "Pass rate"},
                new boolean[] {false, true, true, true});
        rows(table.appendElement("tbody"), root, "");
    }

    private static void rows(Element body, CheckGroup group, String groupTitle) {
        if (!group.checks().isEmpty() && !groupTitle.isEmpty()) {
            body.appendElement("tr").addClass("group").appendElement("td").attr("colspan", "4")
                    .text("group " + groupTitle);
        }
        for (CheckGroup.Check check : group.checks()) {
            row(body, check);
        }
        for (CheckGroup nested : group.groups()) {
            if (!nested.hasNoChecks()) {
                rows(body, nested, groupTitle.isEmpty() ? nested.name() : groupTitle + " \u203a " + nested.name());
            }
        }
    }

    private static void row(Element body, CheckGroup.Check check) {
        boolean passed = check.fails() == 0;
        Element row = body.appendElement("tr").attr("data-path", check.path());
        if (!passed) {
            row.addClass("fail");
        }
        Element name = row.appendElement("td").addClass("name");
        name.appendElement("span").addClass("badge").addClass(passed ? "pass" : "fail").text(passed ? "PASS" : "FAIL");
        name.appendText(" " + check.name());
        row.appendElement("td").addClass("num").attr("data-stat", "passes").attr("data-value", raw(check.passes()))
                .text(count(check.passes()));
        Element fails = row.appendElement("td").addClass("num").attr("data-stat", "fails")
                .attr("data-value", raw(check.fails())).text(count(check.fails()));
        if (!passed) {
            fails.addClass("bad");
        }
        row.appendElement("td").addClass("num").attr("data-stat", "rate").attr("data-value", raw(check.passRate()))
                .text(SummaryFormat.percent(check.passRate()));
    }
}
