package io.liveload.core.liveview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ElementValuesTest {

    private static Element element(String html) {
        return Jsoup.parseBodyFragment(html).body().child(0);
    }

    private static String value(String html) {
        return ElementValues.eventValue(element(html), null).toString();
    }

    @Test
    void buttonGivesEmptyValue() {
        assertThat(value("<button phx-click=\"inc\">+</button>")).isEqualTo("{\"value\":\"\"}");
    }

    @Test
    void phxValuesComeFirst() {
        assertThat(value("<button phx-value-by=\"10\" phx-value-id=\"7\">+</button>"))
                .isEqualTo("{\"by\":\"10\",\"id\":\"7\",\"value\":\"\"}");
    }

    @Test
    void divHasNoValue() {
        assertThat(value("<div phx-click=\"x\" phx-value-id=\"1\">x</div>")).isEqualTo("{\"id\":\"1\"}");
    }

    @Test
    void uncheckedCheckboxHasNoValue() {
        assertThat(value("<input type=\"checkbox\" value=\"yes\">")).isEqualTo("{}");
    }

    @Test
    void checkedCheckboxDefaultsToOn() {
        assertThat(value("<input type=\"checkbox\" checked>")).isEqualTo("{\"value\":\"on\"}");
    }

    @Test
    void listItemValueIsNumber() {
        assertThat(value("<li value=\"3\">x</li>")).isEqualTo("{\"value\":3}");
        assertThat(value("<li>x</li>")).isEqualTo("{\"value\":0}");
    }

    @Test
    void selectGivesSelectedOption() {
        assertThat(value("<select><option value=\"a\">A</option><option value=\"b\" selected>B</option></select>"))
                .isEqualTo("{\"value\":\"b\"}");
    }

    @Test
    void commandValueMergedLast() {
        JsonNode commandValue = ScriptedLiveServer.parse("{\"id\":\"8\",\"extra\":true}");

        assertThat(ElementValues.eventValue(element("<button phx-value-id=\"7\" value=\"v\">x</button>"), commandValue)
                .toString()).isEqualTo("{\"id\":\"8\",\"value\":\"v\",\"extra\":true}");
    }

    @Test
    void formMetaTakesPhxValues() {
        assertThat(ElementValues.formMeta(element("<form phx-value-step=\"2\"></form>"), null).toString())
                .isEqualTo("{\"step\":\"2\"}");
    }

    @Test
    void numericTargetsAreCids() {
        assertThat(ElementValues.cidOf("1")).hasValue(1);
        assertThat(ElementValues.cidOf("0")).hasValue(0);
        assertThat(ElementValues.cidOf("01")).isEmpty();
        assertThat(ElementValues.cidOf("#todo")).isEmpty();
        assertThat(ElementValues.cidOf(null)).isEmpty();
    }
}
