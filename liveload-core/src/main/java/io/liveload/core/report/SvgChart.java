package io.liveload.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jsoup.nodes.Element;

/**
 * A line chart over a run's time as inline SVG. It has a time axis in minutes and seconds since the start, a value
 * axis from zero with round tick values, grid lines, one path per line and the unit in the caption. NaN values
 * leave gaps. The chart uses a fixed coordinate system that the browser scales to the chart's width.
 */
final class SvgChart {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 220;
    private static final int LEFT = 52;
    private static final int RIGHT = 14;
    private static final int TOP = 10;
    private static final int BOTTOM = 26;
    private static final int TARGET_TICKS = 5;
    private static final double[] NICE_STEPS = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
    private static final long[] TIME_STEPS_SECONDS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200};

    /**
     * One line of a chart.
     *
     * @param label  the legend text
     * @param color  a CSS colour
     * @param values one value per point, NaN for none
     * @param filled whether the area below the line is shaded
     * @param dashed whether the line is dashed
     */
    record Line(String label, String color, double[] values, boolean filled, boolean dashed) {

        Line {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(color, "color");
            Objects.requireNonNull(values, "values");
        }
    }

    private final String title;
    private final String unit;
    private final double[] seconds;
    private final List<Line> lines;

    /**
     * Creates a chart.
     *
     * @param title   the caption
     * @param unit    the value axis' unit, shown after the caption
     * @param seconds the time of each point in seconds since the run's start, ascending
     * @param lines   the lines, each with one value per point
     */
    SvgChart(String title, String unit, double[] seconds, List<Line> lines) {
        this.title = title;
        this.unit = unit;
        this.seconds = seconds;
        this.lines = List.copyOf(lines);
        for (Line line : lines) {
            if (line.values().length != seconds.length) {
                throw new IllegalArgumentException("Line \"" + line.label() + "\" has " + line.values().length
                        + " values for " + seconds.length + " points");
            }
        }
    }

    /** Returns the chart as a {@code figure} element with a caption, the SVG and a legend. */
    Element render() {
        Element figure = new Element("figure").addClass("chart");
        Element caption = figure.appendElement("figcaption").text(title + " ");
        caption.appendElement("span").addClass("unit").text(unit);
        if (seconds.length == 0) {
            figure.appendElement("p").addClass("empty").text("No samples.");
            return figure;
        }

        double top = niceTop(maxValue());
        double firstSecond = 0;
        double lastSecond = Math.max(seconds[seconds.length - 1], firstSecond + 1);
        Element svg = figure.appendElement("svg")
                .attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT)
                .attr("role", "img")
                .attr("aria-label", title + " in " + unit);
        valueAxis(svg, top);
        timeAxis(svg, firstSecond, lastSecond);
        for (Line line : lines) {
            drawLine(svg, line, top, firstSecond, lastSecond);
        }
        hoverData(figure, svg, firstSecond, lastSecond);

        if (lines.size() > 1 || !lines.get(0).label().isEmpty()) {
            Element legend = figure.appendElement("div").addClass("legend");
            for (Line line : lines) {
                Element item = legend.appendElement("span");
                item.appendElement("i").addClass(line.dashed() ? "swatch dashed" : "swatch")
                        .attr("style", "border-color:" + line.color());
                item.appendText(line.label());
            }
        }
        return figure;
    }

    /**
     * Adds what the page's script needs to show the values under the mouse: the points' times, the plot's left and
     * right edge with their times, a hidden cursor line and a hidden tooltip. Each line's values are on its path.
     */
    private void hoverData(Element figure, Element svg, double firstSecond, double lastSecond) {
        figure.attr("data-unit", unit);
        svg.attr("data-seconds", compact(seconds))
                .attr("data-x0", coordinate(LEFT)).attr("data-x1", coordinate(WIDTH - RIGHT))
                .attr("data-t0", compact(firstSecond)).attr("data-t1", compact(lastSecond));
        svg.appendElement("line").addClass("cursor")
                .attr("x1", "0").attr("x2", "0")
                .attr("y1", coordinate(TOP)).attr("y2", coordinate(HEIGHT - BOTTOM));
        figure.appendElement("div").addClass("tip").attr("hidden", true);
    }

    private double maxValue() {
        double maxValue = 0;
        for (Line line : lines) {
            for (double value : line.values()) {
                if (!Double.isNaN(value)) {
                    maxValue = Math.max(maxValue, value);
                }
            }
        }
        return maxValue;
    }

    private void valueAxis(Element svg, double top) {
        double step = top / TARGET_TICKS;
        for (int tick = 0; tick <= TARGET_TICKS; tick++) {
            double value = step * tick;
            double y = y(value, top);
            svg.appendElement("line").addClass(tick == 0 ? "axis" : "grid")
                    .attr("x1", coordinate(LEFT)).attr("x2", coordinate(WIDTH - RIGHT))
                    .attr("y1", coordinate(y)).attr("y2", coordinate(y));
            svg.appendElement("text").addClass("tick")
                    .attr("x", coordinate(LEFT - 6)).attr("y", coordinate(y + 4))
                    .attr("text-anchor", "end")
                    .text(number(value));
        }
    }

    private void timeAxis(Element svg, double firstSecond, double lastSecond) {
        double span = lastSecond - firstSecond;
        long step = TIME_STEPS_SECONDS[TIME_STEPS_SECONDS.length - 1];
        for (long candidate : TIME_STEPS_SECONDS) {
            if (span / candidate <= 8) {
                step = candidate;
                break;
            }
        }
        for (long second = 0; second <= lastSecond; second += step) {
            double x = x(second, firstSecond, lastSecond);
            svg.appendElement("line").addClass("tick-mark")
                    .attr("x1", coordinate(x)).attr("x2", coordinate(x))
                    .attr("y1", coordinate(HEIGHT - BOTTOM)).attr("y2", coordinate(HEIGHT - BOTTOM + 4));
            svg.appendElement("text").addClass("tick")
                    .attr("x", coordinate(x)).attr("y", coordinate(HEIGHT - BOTTOM + 16))
                    .attr("text-anchor", second == 0 ? "start" : "middle")
                    .text(clock(second));
        }
    }

    private void drawLine(Element svg, Line line, double top, double firstSecond, double lastSecond) {
        List<List<double[]>> segments = segments(line, top, firstSecond, lastSecond);
        if (line.filled() && !segments.isEmpty()) {
            svg.appendElement("path").addClass("area").attr("d", areaPath(segments, y(0, top)))
                    .attr("fill", line.color());
        }

        Element stroke = svg.appendElement("path").addClass("line").attr("d", linePath(segments))
                .attr("stroke", line.color());
        if (line.dashed()) {
            stroke.attr("stroke-dasharray", "4 3");
        }
        stroke.attr("data-label", line.label()).attr("data-values", compact(line.values()));
        stroke.appendElement("title").text(line.label());
    }

    /** Returns the line's points in chart coordinates, split into runs of consecutive values that are not NaN. */
    private List<List<double[]>> segments(Line line, double top, double firstSecond, double lastSecond) {
        List<List<double[]>> segments = new ArrayList<>();
        List<double[]> segment = null;
        for (int i = 0; i < seconds.length; i++) {
            double value = line.values()[i];
            if (Double.isNaN(value)) {
                segment = null;
                continue;
            }
            if (segment == null) {
                segment = new ArrayList<>();
                segments.add(segment);
            }
            segment.add(new double[] {x(seconds[i], firstSecond, lastSecond), y(value, top)});
        }
        return segments;
    }

    private static String linePath(List<List<double[]>> segments) {
        StringBuilder path = new StringBuilder();
        for (List<double[]> points : segments) {
            for (int i = 0; i < points.size(); i++) {
                double[] point = points.get(i);
                path.append(i == 0 ? 'M' : 'L').append(coordinate(point[0])).append(' ').append(coordinate(point[1]));
            }
            if (points.size() == 1) {
                // A lone point gets a 1-unit stroke so that it is visible.
                path.append("h1");
            }
        }
        return path.toString();
    }

    private static String areaPath(List<List<double[]>> segments, double baseline) {
        StringBuilder area = new StringBuilder();
        for (List<double[]> points : segments) {
            double[] first = points.get(0);
            double[] last = points.get(points.size() - 1);
            area.append('M').append(coordinate(first[0])).append(' ').append(coordinate(baseline));
            for (double[] point : points) {
                area.append('L').append(coordinate(point[0])).append(' ').append(coordinate(point[1]));
            }
            area.append('L').append(coordinate(last[0])).append(' ').append(coordinate(baseline)).append('Z');
        }
        return area.toString();
    }

    private static double x(double second, double firstSecond, double lastSecond) {
        return LEFT + (second - firstSecond) / (lastSecond - firstSecond) * (WIDTH - LEFT - RIGHT);
    }

    private static double y(double value, double top) {
        return HEIGHT - BOTTOM - value / top * (HEIGHT - TOP - BOTTOM);
    }

    /** Returns the axis' top: five times the smallest round step (1, 1.5, 2, ... 8 times a power of ten) that fits. */
    static double niceTop(double maxValue) {
        if (!(maxValue > 0)) {
            return TARGET_TICKS;
        }
        double rawStep = maxValue / TARGET_TICKS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rawStep)));
        for (double nice : NICE_STEPS) {
            double step = nice * magnitude;
            if (step * TARGET_TICKS >= maxValue * (1 - 1e-12)) {
                return step * TARGET_TICKS;
            }
        }
        return 10 * magnitude * TARGET_TICKS;
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Returns the values as comma-separated numbers with up to two decimals, NaN as an empty entry. */
    static String compact(double[] values) {
        StringBuilder text = new StringBuilder(values.length * 6);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(compact(values[i]));
        }
        return text.toString();
    }

    private static String compact(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == Math.rint(value)) {
            return String.valueOf((long) value);
        }
        String text = String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** Formats a tick value: integers without decimals, others with up to three. */
    static String number(double value) {
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        String text = String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** Formats seconds since the start as {@code m:ss} or {@code h:mm:ss}. */
    static String clock(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest);
        }
        return String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }
}
