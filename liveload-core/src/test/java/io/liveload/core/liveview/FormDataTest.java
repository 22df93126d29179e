package io.liveload.core.liveview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class FormDataTest {

    private static final FormData.Options SUBMIT = new FormData.Options(null, null, false, Set.of(), true);

    private static Element form(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        return document.selectFirst("form");
    }

    private static String encode(Element form, Map<String, ?> values, FormData.Options options) {
        return FormData.encode(FormData.pairs(form, values, options));
    }

    private static FormData.Options change(Set<String> used) {
        return new FormData.Options(null, null, true, used, false);
    }

    @Test
    void fieldsInDocumentOrder() {
        Element form = form("""
                <form><input name="a" value="1"><textarea name="b">two
                lines</textarea><input type="hidden" name="c" value="3">
                <select name="d"><option value="x">X</option><option value="y" selected>Y</option></select></form>
                """);

        assertThat(encode(form, Map.of(), SUBMIT)).isEqualTo("a=1&b=two%0Alines&c=3&d=y");
    }

    @Test
    void scriptValuesOverrideRendered() {
        Element form = form("<form><input name=\"user[name]\" value=\"ann\"><input name=\"user[age]\" value=\"3\"></form>");

        assertThat(encode(form, Map.of("user[name]", "glenn r"), SUBMIT))
                .isEqualTo("user%5Bname%5D=glenn+r&user%5Bage%5D=3");
    }

    @Test
    void disabledFieldsSkipped() {
        Element form = form("""
                <form><input name="a" value="1" disabled>
                <fieldset disabled><legend><input name="b" value="2"></legend><input name="c" value="3"></fieldset>
                <input name="d" value="4"></form>
                """);

        assertThat(encode(form, Map.of(), SUBMIT)).isEqualTo("b=2&d=4");
    }

    @Test
    void uncheckedBoxesAbsent() {
        Element form = form("""
                <form><input type="checkbox" name="a" value="yes"><input type="checkbox" name="b" checked>
                <input type="radio" name="c" value="1"><input type="radio" name="c" value="2" checked></form>
                """);

        assertThat(encode(form, Map.of(), SUBMIT)).isEqualTo("b=on&c=2");
    }

    @Test
    void scriptValuesCheckBoxes() {
        Element form = form("""
                <form><input type="hidden" name="agree" value="false"><input type="checkbox" name="agree" value="true">
                <input type="checkbox" name="tags[]" value="a" checked><input type="checkbox" name="tags[]" value="b">
                <input type="checkbox" name="tags[]" value="c"></form>
                """);

        assertThat(encode(form, Map.of("agree", "true", "tags[]", List.of("b", "c")), SUBMIT))
                .isEqualTo("agree=false&agree=true&tags%5B%5D=b&tags%5B%5D=c");
    }

    @Test
    void selectWithoutSelectionSendsFirstEnabled() {
        Element form = form("""
                <form><select name="a"><option disabled value="no">-</option><option>  First  one </option></select>
                <select name="b" multiple><option value="1">1</option></select></form>
                """);

        assertThat(encode(form, Map.of(), SUBMIT)).isEqualTo("a=First+one");
    }

    @Test
    void scriptValuesSelectOptions() {
        Element form = form("""
                <form><select name="a"><option value="1" selected>1</option><option value="2">2</option></select>
                <select name="b" multiple><option value="x">x</option><option value="y">y</option></select></form>
                """);

        assertThat(encode(form, Map.of("a", "2", "b", List.of("x", "y")), SUBMIT)).isEqualTo("a=2&b=x&b=y");
    }

    @Test
    void buttonsAndFilesLeftOut() {
        Element form = form("""
                <form><input name="a" value="1"><input type="file" name="f"><button name="go" value="now">Go</button>
                <input type="submit" name="s" value="S"><input type="button" name="x" value="X"></form>
                """);

        assertThat(encode(form, Map.of(), SUBMIT)).isEqualTo("a=1");
    }

    @Test
    void submitterAddedAtItsPosition() {
        Element form = form("""
                <form><input name="a" value="1"><button id="publish" name="action" value="publish">P</button>
                <input name="b" value="2"></form>
                """);
        Element submitter = form.selectFirst("#publish");

        assertThat(encode(form, Map.of(), new FormData.Options(submitter, null, false, Set.of(), true)))
                .isEqualTo("a=1&action=publish&b=2");
    }

    @Test
    void unknownNamesAppended() {
        Element form = form("<form><input name=\"a\" value=\"1\"></form>");

        assertThat(encode(form, Map.of("extra", "x"), SUBMIT)).isEqualTo("a=1&extra=x");
    }

    @Test
    void fieldsOutsideFormJoinByAttribute() {
        Document document = Jsoup.parseBodyFragment("""
                <input name="before" value="0" form="f"><form id="f"><input name="a" value="1"></form>
                <input name="after" value="2" form="f"><input name="other" value="3" form="g">
                """);

        assertThat(encode(document.selectFirst("form"), Map.of(), SUBMIT)).isEqualTo("before=0&a=1&after=2");
    }

    @Test
    void changeMarksUntouchedFields() {
        Element form = form("""
                <form><input name="user[name]" value="ann"><input name="user[email]" value="">
                <input type="hidden" name="user[id]" value="7"><input name="tags[]" value="x"></form>
                """);

        assertThat(encode(form, Map.of("user[name]", "bob"), change(Set.of("user[name]"))))
                .isEqualTo("user%5Bname%5D=bob&user%5B_unused_email%5D=&user%5Bemail%5D="
                        + "&user%5Bid%5D=7&_unused_tags%5B%5D=&tags%5B%5D=x");
    }

    @Test
    void earlierChangesCountAsUsed() {
        Element form = form("<form><input name=\"a\" value=\"1\"><input name=\"b\" value=\"2\"></form>");

        assertThat(encode(form, Map.of("b", "3"), change(Set.of("a", "b")))).isEqualTo("a=1&b=3");
    }

    @Test
    void markersOffWhenFormOptsOut() {
        Element form = form("<form phx-no-unused-field><input name=\"a\" value=\"1\"><input name=\"b\"></form>");

        assertThat(encode(form, Map.of("a", "2"), change(Set.of("a")))).isEqualTo("a=2&b=");
    }

    @Test
    void markersOffAfterSubmit() {
        Element form = form("<form><input name=\"a\" value=\"1\"><input name=\"b\"></form>");

        assertThat(encode(form, Map.of("a", "2"), new FormData.Options(null, null, true, Set.of("a"), true)))
                .isEqualTo("a=2&b=");
    }

    @Test
    void onlyNameKeepsChangedInput() {
        Element form = form("<form><input name=\"a\" value=\"1\"><input name=\"b\" value=\"2\" phx-change=\"check\"></form>");

        assertThat(encode(form, Map.of("b", "3"), new FormData.Options(null, "b", true, Set.of("b"), false)))
                .isEqualTo("b=3");
    }

    @Test
    void multipleValuesFillSameNamedFields() {
        Element form = form("<form><input name=\"n[]\" value=\"a\"><input name=\"n[]\" value=\"b\"></form>");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("n[]", List.of("x"));

        assertThat(encode(form, values, SUBMIT)).isEqualTo("n%5B%5D=x&n%5B%5D=b");
    }

    @Test
    void unusedNamePrefixesLastSegment() {
        assertThat(FormData.unusedName("email")).isEqualTo("_unused_email");
        assertThat(FormData.unusedName("user[email]")).isEqualTo("user[_unused_email]");
        assertThat(FormData.unusedName("user[address][city]")).isEqualTo("user[address][_unused_city]");
        assertThat(FormData.unusedName("tags[]")).isEqualTo("_unused_tags[]");
        assertThat(FormData.unusedName("user[tags][]")).isEqualTo("user[_unused_tags][]");
    }
}
