package io.liveload.demo.internal.views;

import io.liveload.demo.internal.live.Flash;
import io.liveload.demo.internal.render.Html;
import io.liveload.demo.internal.render.Rendered;
import io.liveload.demo.internal.render.Template;

/**
 * The app layout of every root view: a {@code <main>} showing the info and error flash above
 * the view's content, plus the link markup of Phoenix's {@code <.link>} component.
 */
final class Layout {
    private static final Template MAIN = Template.element("<main>\n  ", "\n  ", "\n  ", "\n</main>");
    private static final Template FLASH_INFO = Template.fragment("<p id=\"flash-info\" role=\"alert\">", "</p>");
    private static final Template FLASH_ERROR = Template.fragment("<p id=\"flash-error\" role=\"alert\">", "</p>");
    private static final Template PATCH_LINK = Template.element("<a", " data-phx-link=\"patch\"", "", ">", "</a>");
    private static final Template NAVIGATE_LINK = Template.element("<a", " data-phx-link=\"redirect\"", "", ">", "</a>");
    private static final String PUSH_STATE = Html.attribute("data-phx-link-state", "push");

    private Layout() {
    }

    /** Wraps a view's content; a flash change re-renders both flash slots, as it does in LiveView. */
    static Rendered page(Flash flash, Rendered content) {
        boolean flashChanged = flash.changed();
        return Rendered.of(MAIN)
                .optional(flashMessage(FLASH_INFO, flash.get(Flash.INFO)), flashChanged)
                .optional(flashMessage(FLASH_ERROR, flash.get(Flash.ERROR)), flashChanged)
                .node(content, true)
                .build();
    }

    /**
     * Renders a live patch link ({@code data-phx-link="patch"}). When the target changes, the id
     * is sent again too, because LiveView re-renders all dynamic attributes of the link.
     */
    static Rendered patchLink(String href, String id, Template label, boolean hrefChanged) {
        return link(PATCH_LINK, href, id, label, hrefChanged);
    }

    /** Renders a live navigation link ({@code data-phx-link="redirect"}), re-sent like {@link #patchLink}. */
    static Rendered navigateLink(String href, String id, Template label, boolean hrefChanged) {
        return link(NAVIGATE_LINK, href, id, label, hrefChanged);
    }

    /** Returns a label template for a link; declare one constant per label. */
    static Template label(String text) {
        return Template.fragment(Html.escape(text));
    }

    private static Rendered link(Template template, String href, String id, Template label, boolean hrefChanged) {
        return Rendered.of(template)
                .html(Html.attribute("href", href), hrefChanged)
                .html(PUSH_STATE, false)
                .html(Html.attribute("id", id), hrefChanged)
                .node(Rendered.of(label).build(), false)
                .build();
    }

    private static Rendered flashMessage(Template template, String message) {
        return message == null ? null : Rendered.of(template).text(message, true).build();
    }
}
