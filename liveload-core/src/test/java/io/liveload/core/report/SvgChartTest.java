package io.liveload.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    @Test
    void niceTopRoundsUp() {
        assertThat(SvgChart.niceTop(26)).isEqualTo(30);
        assertThat(SvgChart.niceTop(50)).isEqualTo(50);
        assertThat(SvgChart.niceTop(51)).isEqualTo(75);
        assertThat(SvgChart.niceTop(2010)).isEqualTo(2500);
        assertThat(SvgChart.niceTop(0.3)).isEqualTo(0.3);
        assertThat(SvgChart.niceTop(0)).isEqualTo(5);
    }

    @Test
    void clockFormatsElapsed() {
        assertThat(SvgChart.clock(0)).isEqualTo("0:00");
        assertThat(SvgChart.clock(90)).isEqualTo("1:30");
        assertThat(SvgChart.clock(3_725)).isEqualTo("1:02:05");
    }

    @Test
    void tickNumbersReadable() {
        assertThat(SvgChart.number(2500)).isEqualTo("2,500");
        assertThat(SvgChart.number(0.15)).isEqualTo("0.15");
    }

    @Test
    void gapsBreakLine() {
        double[] seconds = {1, 2, 3, 4};
        double[] values = {1, Double.NaN, 3, 4};

        Element chart = new SvgChart("Latency", "ms", seconds, List.of(
                new SvgChart.Line("p(95)", "#000", values, false, false))).render();

        String path = chart.selectFirst("path.line").attr("d");
        assertThat(path.chars().filter(character -> character == 'M').count()).isEqualTo(2);
        assertThat(path.chars().filter(character -> character == 'L').count()).isEqualTo(1);
    }

    @Test
    void emptyTimelineSaysSo() {
        Element chart = new SvgChart("Latency", "ms", new double[0], List.of(
                new SvgChart.Line("p(95)", "#000", new double[0], false, false))).render();

        assertThat(chart.select("svg")).isEmpty();
        assertThat(chart.selectFirst("p.empty").text()).isEqualTo("No samples.");
    }

    @Test
    void rejectsLineOfOtherLength() {
        assertThatThrownBy(() -> new SvgChart("Latency", "ms", new double[] {1, 2}, List.of(
                new SvgChart.Line("p(95)", "#000", new double[] {1}, false, false))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Line \"p(95)\" has 1 values for 2 points");
    }
}
