package io.liveload.core.liveview.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class PageComposerTest {

    private static final Document DEAD_RENDER = Jsoup.parse("""
            <html><body>
            <div id="phx-root" data-phx-main data-phx-session="ROOT-SESSION" data-phx-static="ROOT-STATIC">
              <main><div id="clock" data-phx-session="" data-phx-static="CLOCK-STATIC" data-phx-parent-id="phx-root">12:00</div></main>
            </div>
            </body></html>
            """);

    private static final ViewContainer ROOT = ViewContainer.of(DEAD_RENDER.getElementById("phx-root"));

    private static final PageComposer COMPOSER = PageComposer.forDeadRender(DEAD_RENDER);

    private static ViewState root() {
        ViewState view = new ViewState("phx-root");
        view.join(Json.object("""
                {'s': ['<main>', '', '</main>'], '0': 'Hello ',
                 '1': '<div id=\\'clock\\' data-phx-session=\\'CLOCK-SESSION\\' data-phx-static=\\'\\' data-phx-parent-id=\\'phx-root\\'></div>'}
                """));
        return view;
    }

    private static ViewState clock(String rendered) {
        ViewState view = new ViewState("clock");
        view.join(Json.object(rendered));
        return view;
    }

    private static Element page(String outerHtml) {
        return Jsoup.parseBodyFragment(outerHtml).body().child(0);
    }

    @Test
    void childViewsListsRenderedChild() {
        assertThat(COMPOSER.childViews(root())).containsExactly(new ChildView("clock", "CLOCK-SESSION", "CLOCK-STATIC"));
    }

    @Test
    void childViewWithoutDeadRenderHasNoStaticToken() {
        PageComposer withoutDeadRender = PageComposer.forDeadRender(Jsoup.parse("<div></div>"));

        assertThat(withoutDeadRender.childViews(root())).containsExactly(new ChildView("clock", "CLOCK-SESSION", null));
    }

    @Test
    void viewWithoutChildrenListsNone() {
        assertThat(COMPOSER.childViews(clock("{'s': ['<time>12:01</time>']}"))).isEmpty();
    }

    @Test
    void unjoinedChildStaysEmpty() {
        Element page = page(COMPOSER.outerHtml(ROOT, Map.of("phx-root", root())));

        assertThat(page.getElementById("clock").childNodeSize()).isZero();
    }

    @Test
    void joinedChildIsSpliced() {
        Map<String, ViewState> views = Map.of("phx-root", root(), "clock", clock("{'s': ['<time>12:01</time>']}"));

        Element page = page(COMPOSER.outerHtml(ROOT, views));

        assertThat(page.getElementById("clock").html()).isEqualTo("<time>12:01</time>");
    }

    @Test
    void splicedChildKeepsDeadRenderStaticToken() {
        Map<String, ViewState> views = Map.of("phx-root", root(), "clock", clock("{'s': ['<time>12:01</time>']}"));

        Element page = page(COMPOSER.outerHtml(ROOT, views));

        assertThat(page.getElementById("clock").attr("data-phx-static")).isEqualTo("CLOCK-STATIC");
    }

    @Test
    void grandchildIsSpliced() {
        ViewState clock = clock("""
                {'s': ['<time>12:01</time>', ''],
                 '0': '<span id=\\'tz\\' data-phx-session=\\'TZ\\' data-phx-static=\\'\\' data-phx-parent-id=\\'clock\\'></span>'}
                """);
        ViewState timezone = new ViewState("tz");
        timezone.join(Json.object("{'s': ['UTC']}"));
        Map<String, ViewState> views = Map.of("phx-root", root(), "clock", clock, "tz", timezone);

        Element page = page(COMPOSER.outerHtml(ROOT, views));

        assertThat(page.getElementById("tz").text()).isEqualTo("UTC");
    }

    @Test
    void composingLeavesViewElementUntouched() {
        ViewState root = root();
        Map<String, ViewState> views = Map.of("phx-root", root, "clock", clock("{'s': ['<time>12:01</time>']}"));

        COMPOSER.outerHtml(ROOT, views);

        assertThat(root.element().getElementById("clock").childNodeSize()).isZero();
    }

    @Test
    void rootContainerKeepsDeadRenderAttributes() {
        Element page = page(COMPOSER.outerHtml(ROOT, Map.of("phx-root", root())));

        assertThat(page.attributes().asList()).extracting(attribute -> attribute.getKey() + "=" + attribute.getValue())
                .containsExactly("id=phx-root", "data-phx-main=", "data-phx-session=ROOT-SESSION", "data-phx-static=ROOT-STATIC");
    }

    @Test
    void missingRootViewIsRejected() {
        assertThatThrownBy(() -> COMPOSER.outerHtml(ROOT, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No view state for the root container phx-root");
    }

    @Test
    void joinReplyContainerReplacesTagAndAttributes() {
        ViewContainer wide = ROOT.replacedBy(Json.object("{'c': ['section', {'class': 'wide', 'id': 'ignored'}]}").get("c"));

        assertThat(wide.tag()).isEqualTo("section");
        assertThat(wide.attributes()).containsExactly(Map.entry("id", "phx-root"), Map.entry("data-phx-main", ""),
                Map.entry("data-phx-session", "ROOT-SESSION"), Map.entry("data-phx-static", "ROOT-STATIC"),
                Map.entry("class", "wide"));
    }

    @Test
    void emptyJoinReplyContainerDropsOtherAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>(ROOT.attributes());
        attributes.put("class", "old");
        ViewContainer styled = new ViewContainer("div", attributes);

        ViewContainer replaced = styled.replacedBy(Json.object("{'c': ['div', {}]}").get("c"));

        assertThat(replaced.attributes()).doesNotContainKey("class");
    }

    @Test
    void outerHtmlEscapesAttributeValues() {
        ViewContainer container = new ViewContainer("div", Map.of("id", "a\"b&c"));

        assertThat(container.outerHtml("x")).isEqualTo("<div id=\"a&quot;b&amp;c\">x</div>");
    }

    @Test
    void containerWithoutIdIsRejected() {
        assertThatThrownBy(() -> new ViewContainer("div", Map.of("class", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the id attribute is missing");
    }
}
