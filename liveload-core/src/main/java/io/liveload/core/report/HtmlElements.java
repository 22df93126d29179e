package io.liveload.core.report;

import java.util.Locale;
import org.jsoup.nodes.Element;

/** Building blocks of the HTML report: sections, tables and the number formats of cells. */
final class HtmlElements {

    private HtmlElements() {
    }

    /** Appends a {@code section} with an id, a heading and, unless empty, a muted count after the heading. */
    static Element section(Element parent, String id, String title, String count) {
        Element section = parent.appendElement("section").attr("id", id);
        Element heading = section.appendElement("h2").text(title);
        if (!count.isEmpty()) {
            heading.appendElement("span").addClass("count").text(count);
        }
        return section;
    }

    /** Appends a scrollable table with a header row. Numeric columns are right-aligned. */
    static Element table(Element parent, String[] headings, boolean[] numeric) {
        Element table = parent.appendElement("div").addClass("table-wrap").appendElement("table");
        Element row = table.appendElement("thead").appendElement("tr");
        for (int i = 0; i < headings.length; i++) {
            Element heading = row.appendElement("th").attr("scope", "col").text(headings[i]);
            if (numeric[i]) {
                heading.addClass("num");
            }
        }
        return table;
    }

    /** Formats a count with thousands separators: {@code 110,760}. */
    static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    /** Returns a number as exact text for {@code data-value}: integers without decimals, NaN as empty text. */
    static String raw(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.valueOf(value);
    }
}
